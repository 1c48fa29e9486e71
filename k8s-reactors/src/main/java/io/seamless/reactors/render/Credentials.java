package io.seamless.reactors.render;

import io.seamless.reactors.render.CredentialKey.Kind;
import java.util.List;
import java.util.Map;

/**
 * The credentials each engine needs, one Secret per group and cluster. The reconciler reads {@link #secretName}
 * and {@link #keys} to know what to look up or generate before rendering.
 */
public final class Credentials {

    private static final List<CredentialKey> DEFAULT = List.of(password("admin-password"));
    private static final Map<String, List<CredentialKey>> BY_ENGINE = Map.of(
            "mysql", List.of(password("root-password"), password("replication-password"),
                    password("admin-password")),
            "redis", List.of(password("password")),
            "mongodb", List.of(password("root-password"), new CredentialKey("keyfile", Kind.KEYFILE)),
            "elasticsearch", List.of(password("elastic-password")),
            "kafka", List.of(new CredentialKey("cluster-id", Kind.CLUSTER_ID), password("admin-password")),
            "tidb", List.of(password("root-password")),
            "oceanbase", List.of(password("root-password"), password("proxyro-password")),
            "pulsar", List.of(password("admin-password")));

    private Credentials() {
    }

    public static String secretName(String group) {
        return Names.credentials(group);
    }

    /** The keys of the engine's Secret; an engine not listed gets an admin password. */
    public static List<CredentialKey> keys(String engine) {
        return BY_ENGINE.getOrDefault(engine, DEFAULT);
    }

    private static CredentialKey password(String name) {
        return new CredentialKey(name, Kind.PASSWORD);
    }
}
