package io.seamless.reactors.render;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.domain.engine.ConfigFile;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.domain.engine.FunctionType;
import io.seamless.domain.engine.GroupLayout;
import io.seamless.domain.engine.UnitLayout;
import io.seamless.reactors.desired.DesiredState;
import io.seamless.reactors.desired.DesiredStateReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Realistic desired-state documents, as the projections would publish them, built from the domain's engine
 * templates: each function type at its default replicas (two shards when sharded), units spread over two clusters
 * in turn, addresses from a calico pool, configuration rendered by the template itself. Written as JSON and read
 * back, so the reader is part of every rendering test.
 */
final class CatalogueDocuments {

    static final List<String> CLUSTERS = List.of("bj-1", "sh-1");
    static final Map<String, String> VERSIONS = Map.of("mysql", "8.0.36", "redis", "7.2.4", "mongodb", "7.0.12",
            "elasticsearch", "8.13.4", "kafka", "3.7.0", "tidb", "v7.5.1", "oceanbase", "4.2.1", "pulsar", "3.2.3");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogueDocuments() {
    }

    static DesiredState document(EngineTemplate template, String group) {
        String version = VERSIONS.get(template.engine());
        List<UnitLayout> units = layout(template, group);
        Map<String, List<ConfigFile>> files = template.render(new GroupLayout(group, version, units, Map.of()));
        ObjectNode document = JSON.createObjectNode().put("apiVersion", "seamless.io/v2")
                .put("kind", "ServiceGroupDesiredState").put("name", group).put("version", 4)
                .put("engine", template.engine()).put("topology", template.topology()).put("engineVersion", version)
                .put("status", "READY").put("stopped", false).put("restartGeneration", 0);
        ArrayNode array = document.putArray("units");
        units.forEach(unit -> array.add(unit(template, unit, version, files.get(unit.id()))));
        try {
            return DesiredStateReader.read(JSON.writeValueAsBytes(document));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<UnitLayout> layout(EngineTemplate template, String group) {
        List<UnitLayout> units = new ArrayList<>();
        int shards = template.shards().sharded() ? Math.max(2, template.shards().min()) : 1;
        for (FunctionType type : template.functionTypes()) {
            int replicas = Math.max(type.defaultReplicas(), type.replicas().min());
            for (int shard = 0; shard < (type.perShard() ? shards : 1); shard++) {
                for (int ordinal = 0; ordinal < replicas; ordinal++) {
                    Integer shardOrNull = type.perShard() ? shard : null;
                    String id = group + "-" + type.name() + (type.perShard() ? "-" + shard : "") + "-" + ordinal;
                    String cluster = CLUSTERS.get(units.size() % CLUSTERS.size());
                    units.add(new UnitLayout(id, type.name(), shardOrNull, ordinal, "10.20." + (units.size() / 200)
                            + "." + (10 + units.size() % 200), cluster, cluster.equals("bj-1") ? "a" : "b"));
                }
            }
        }
        return units;
    }

    private static ObjectNode unit(EngineTemplate template, UnitLayout layout, String version,
                                   List<ConfigFile> files) {
        FunctionType type = template.functionType(layout.service()).orElseThrow();
        ObjectNode unit = JSON.createObjectNode().put("id", layout.id()).put("service", layout.service())
                .put("ordinal", layout.ordinal()).put("cluster", layout.cluster()).put("zone", layout.zone())
                .put("address", layout.address()).put("image", template.image(type.name(), version));
        if (layout.shard() != null) {
            unit.put("shard", layout.shard());
        }
        ArrayNode ports = unit.putArray("ports");
        type.ports().forEach(port -> ports.addObject().put("name", port.name()).put("port", port.number()));
        unit.putObject("resources").put("cpu", "1").put("memory", "2Gi");
        if (type.stateful()) {
            unit.putObject("storage").put("storageClass", "fast-ssd").put("size", "50Gi");
        }
        unit.putObject("networking").put("mode", "calico").put("network", "pool-a")
                .put("address", layout.address()).put("prefixLength", 16);
        if (files != null) {
            ArrayNode config = unit.putArray("config");
            files.forEach(file -> config.addObject().put("name", file.name()).put("content", file.content()));
        }
        return unit;
    }
}
