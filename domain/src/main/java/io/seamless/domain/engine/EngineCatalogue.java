package io.seamless.domain.engine;

import io.seamless.domain.common.DomainException;
import java.util.List;

/**
 * Every engine template Seamless can run. Adding an engine or topology is adding one template
 * to {@link #standard()}, nothing else.
 */
public final class EngineCatalogue {

    private final List<EngineTemplate> templates;

    public EngineCatalogue(List<EngineTemplate> templates) {
        this.templates = List.copyOf(templates);
    }

    /** The catalogue shipped with Seamless. */
    public static EngineCatalogue standard() {
        return new EngineCatalogue(List.of(
                new MySqlInnoDbClusterTemplate(),
                new MySqlPrimaryReplicaTemplate(),
                new RedisSentinelTemplate(),
                new RedisClusterTemplate(),
                new MongoReplicaSetTemplate(),
                new MongoShardedTemplate(),
                new ElasticsearchTemplate(),
                new KafkaKraftTemplate(),
                new TidbTemplate(),
                new OceanBaseTemplate(),
                new PulsarTemplate()));
    }

    public List<EngineTemplate> templates() {
        return templates;
    }

    /** The template of an engine and topology, or a refusal naming what exists. */
    public EngineTemplate template(String engine, String topology) {
        List<EngineTemplate> ofEngine = templates.stream().filter(t -> t.engine().equals(engine)).toList();
        if (ofEngine.isEmpty()) {
            throw new DomainException(EngineError.UNKNOWN_ENGINE, "unknown engine '" + engine + "'; known: "
                    + templates.stream().map(EngineTemplate::engine).distinct().toList());
        }
        return ofEngine.stream().filter(t -> t.topology().equals(topology)).findFirst()
                .orElseThrow(() -> new DomainException(EngineError.UNKNOWN_TOPOLOGY, "engine '" + engine
                        + "' has no topology '" + topology + "'; known: "
                        + ofEngine.stream().map(EngineTemplate::topology).toList()));
    }
}
