package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seamless.domain.engine.ConfigFile;
import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.domain.engine.FunctionType;
import io.seamless.domain.engine.GroupLayout;
import io.seamless.domain.engine.UnitLayout;
import io.seamless.projections.servicegroup.DesiredStateDocument.ConfigFileDocument;
import io.seamless.projections.servicegroup.DesiredStateDocument.NetworkingDocument;
import io.seamless.projections.servicegroup.DesiredStateDocument.PortDocument;
import io.seamless.projections.servicegroup.DesiredStateDocument.ResourcesDocument;
import io.seamless.projections.servicegroup.DesiredStateDocument.StorageDocument;
import io.seamless.projections.servicegroup.DesiredStateDocument.UnitDocument;
import io.seamless.projections.servicegroup.GroupState.Unit;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceSpec;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders a group's desired-state document from its folded state and what is known of the pools and clusters it
 * uses: a pure function, so that a rebuild, or any interleaving of the topics that ends with the same knowledge,
 * gives the same bytes. Configuration is rendered by the engine template from the units that have an address;
 * a unit still waiting for its address is listed without configuration (rendering it would put a missing
 * address into its peers' files), and its peers keep the files they had without it.
 */
final class DesiredStateRenderer {

    private static final ObjectMapper JSON = JsonMapper.builder().build();

    private final EngineCatalogue catalogue;

    DesiredStateRenderer(EngineCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** What a pool contributes to its units' networking; {@code prefixLength} null when not recorded. */
    record PoolFacts(String cniMode, String network, Integer prefixLength) {
    }

    /** What a cluster contributes to the units placed on it. */
    record ClusterFacts(String site, String zone) {
    }

    /** The document, or why none could be rendered (e.g. an engine this version of Seamless does not know). */
    record Rendering(DesiredStateDocument document, String error) {

        static Rendering failed(String error) {
            return new Rendering(null, error);
        }
    }

    Rendering render(GroupState group, long version, Map<String, PoolFacts> pools,
                     Map<String, ClusterFacts> clusters) {
        EngineTemplate template;
        Map<String, List<ConfigFile>> files;
        try {
            template = catalogue.template(group.engine(), group.topology());
            files = template.render(layout(group, clusters));
        } catch (RuntimeException e) {
            return Rendering.failed(group.engine() + " " + group.topology() + " " + group.engineVersion()
                    + " cannot be rendered: " + e.getMessage());
        }
        List<UnitDocument> documents = new ArrayList<>();
        for (Unit unit : inLayoutOrder(group.units(), template)) {
            FunctionType type = template.functionType(unit.service()).orElse(null);
            ServiceSpec spec = group.services().get(unit.service());
            if (type == null || spec == null) {
                return Rendering.failed("unit " + unit.id() + " is of service '" + unit.service()
                        + "', which the group or its template " + template.engine() + " " + template.topology()
                        + " does not have");
            }
            documents.add(unit(unit, template.image(type.name(), group.engineVersion()), type, spec,
                    pools.get(spec.ipPool()), clusters.get(unit.cluster()), files.get(unit.id())));
        }
        return new Rendering(new DesiredStateDocument(DesiredStateDocument.API_VERSION, DesiredStateDocument.KIND,
                group.name(), version, group.engine(), group.topology(), group.engineVersion(),
                group.status().name(), group.status() == GroupState.Status.STOPPED, group.standbyOf(),
                group.primary(), group.restartGeneration(), documents), null);
    }

    /** The document's bytes: compact JSON, fields in the record order, so equal documents are equal bytes. */
    static byte[] toJson(DesiredStateDocument document) {
        try {
            return JSON.writeValueAsBytes(document);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a desired-state document is always JSON", e);
        }
    }

    /** SHA-256 of the bytes, lowercase hex: what the read model compares to skip an unchanged document. */
    static String hash(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** The template's service order, then shard and ordinal: the order the template renders in. */
    private static List<Unit> inLayoutOrder(List<Unit> units, EngineTemplate template) {
        List<String> order = template.functionTypes().stream().map(FunctionType::name).toList();
        return units.stream().sorted(Comparator
                .comparingInt((Unit unit) -> order.indexOf(unit.service()))
                .thenComparing(Unit::shard, Comparator.nullsFirst(Comparator.naturalOrder()))
                .thenComparingInt(Unit::ordinal)
                .thenComparing(Unit::id)).toList();
    }

    /** The units that have an address, each service's configuration parameters, and the primary now. */
    private static GroupLayout layout(GroupState group, Map<String, ClusterFacts> clusters) {
        List<UnitLayout> addressed = group.units().stream().filter(unit -> unit.address() != null)
                .map(unit -> new UnitLayout(unit.id(), unit.service(), unit.shard(), unit.ordinal(), unit.address(),
                        unit.cluster(), zone(clusters.get(unit.cluster()))))
                .toList();
        Map<String, Map<String, String>> overrides = new LinkedHashMap<>();
        group.services().forEach((service, spec) -> overrides.put(service, spec.config()));
        return new GroupLayout(group.name(), group.engineVersion(), addressed, overrides, group.primary());
    }

    private static UnitDocument unit(Unit unit, String image, FunctionType type, ServiceSpec spec, PoolFacts pool,
                                     ClusterFacts cluster, List<ConfigFile> files) {
        List<PortDocument> ports = type.ports().stream().map(port -> new PortDocument(port.name(), port.number()))
                .toList();
        StorageDocument storage = spec.storage() == null ? null
                : new StorageDocument(spec.storage().storageClass(), spec.storage().size());
        NetworkingDocument networking = pool == null ? null
                : new NetworkingDocument(pool.cniMode(), pool.network(), unit.address(), pool.prefixLength());
        List<ConfigFileDocument> config = unit.address() == null || files == null ? null
                : files.stream().map(file -> new ConfigFileDocument(file.name(), file.content())).toList();
        return new UnitDocument(unit.id(), unit.service(), unit.shard(), unit.ordinal(), unit.cluster(),
                cluster == null ? null : cluster.site(), zone(cluster), unit.address(), image, ports,
                new ResourcesDocument(spec.resources().cpu(), spec.resources().memory()), storage, networking,
                config);
    }

    private static String zone(ClusterFacts cluster) {
        return cluster == null ? null : cluster.zone();
    }
}
