package io.seamless.domain.engine;

import java.util.ArrayList;
import java.util.List;

/** What the two MongoDB topologies share: versions, image, a member's mongod.conf and rs-init.js. */
final class MongoFiles {

    static final Versions VERSIONS = Versions.of(VersionLine.of("5.0"), VersionLine.of("6.0"),
            VersionLine.of("7.0"));
    static final String IMAGE = "mongo";

    private MongoFiles() {
    }

    /**
     * {@code net.port}, {@code net.bindIp} (loopback, for the localhost exception that lets {@code
     * rs-init.js} run before any user exists, and the unit's address), {@code storage.dbPath} on the
     * volume and {@code replication.replSetName}: every member of a replica set names the same set.
     */
    static Settings memberConf(UnitLayout unit, int port, String dbPath, String replicaSet) {
        return Settings.of("mongod.conf", Syntax.YAML)
                .put("net.port", port)
                .put("net.bindIp", "localhost," + unit.address())
                .put("storage.dbPath", dbPath)
                .put("replication.replSetName", replicaSet);
    }

    /**
     * {@code rs-init.js}: {@code rs.initiate} of a replica set with every member by address and
     * port, member ids in unit order; run once with mongosh on the first member.
     */
    static ConfigFile replicaSetInit(String replicaSet, List<UnitLayout> members, int port, boolean configServer) {
        List<String> lines = new ArrayList<>();
        lines.add("// Initiates replica set " + replicaSet + " once: run with mongosh on " + members.get(0).address()
                + ":" + port + ".");
        lines.add("rs.initiate({");
        lines.add("  _id: \"" + replicaSet + "\",");
        if (configServer) {
            lines.add("  configsvr: true,");
        }
        lines.add("  members: [");
        for (int i = 0; i < members.size(); i++) {
            lines.add("    { _id: " + i + ", host: \"" + members.get(i).address() + ":" + port + "\" }"
                    + (i < members.size() - 1 ? "," : ""));
        }
        lines.add("  ]");
        lines.add("});");
        return ConfigFile.lines("rs-init.js", lines);
    }
}
