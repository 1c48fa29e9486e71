package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.seamless.projections.CloudEventRecords;
import io.seamless.projections.support.BinaryCloudEvents;
import io.seamless.projections.support.EventEnvelope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.record.TimestampType;

/**
 * Service group, IP pool and cluster events as the command side publishes them (the Jackson form of the
 * domain's records, nulls kept inside nested objects as Jackson writes them), on the topics of a test. The
 * group is a MySQL InnoDB Cluster: {@code mysqld} members and {@code router}s, drawing from one pool.
 */
final class ServiceGroupEventFixtures {

    static final String TYPES = "io.seamless.servicegroup.";
    static final String ENGINE_VERSION = "8.0.36";

    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

    final String groupTopic;
    final String poolTopic;
    final String clusterTopic;

    ServiceGroupEventFixtures(String groupTopic, String poolTopic, String clusterTopic) {
        this.groupTopic = groupTopic;
        this.poolTopic = poolTopic;
        this.clusterTopic = clusterTopic;
    }

    /** {@code mysqld} members in bj-1 and bj-2 alternately, routers in bj-1, every service from {@code pool}. */
    ProducerRecord<String, byte[]> created(String group, long sequence, String operationId, String pool,
                                           int members, int routers) {
        Map<String, Object> services = new LinkedHashMap<>();
        services.put("mysqld", service(members, "2", "8Gi", storage("fast-ssd", "100Gi"),
                Map.of("max_connections", "500"), pool));
        services.put("router", service(routers, "500m", "1Gi", null, Map.of(), pool));
        List<Object> units = new ArrayList<>();
        for (int i = 0; i < members; i++) {
            units.add(unit(group, "mysqld", i, i % 2 == 0 ? "bj-1" : "bj-2"));
        }
        for (int i = 0; i < routers; i++) {
            units.add(unit(group, "router", i, "bj-1"));
        }
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("group", group);
        data.put("operationId", operationId);
        data.put("engine", "mysql");
        data.put("version", ENGINE_VERSION);
        data.put("topology", "innodb-cluster");
        data.put("shards", 0);
        data.put("services", services);
        data.put("units", units);
        return group(group, sequence, "ServiceGroupCreated", data);
    }

    ProducerRecord<String, byte[]> assigned(String group, long sequence, String operationId,
                                            Map<String, String> addresses) {
        return group(group, sequence, "UnitAddressesAssigned",
                Map.of("group", group, "operationId", operationId, "addresses", addresses));
    }

    ProducerRecord<String, byte[]> failed(String group, long sequence, String operationId, String reason) {
        return group(group, sequence, "OperationFailed",
                Map.of("group", group, "operationId", operationId, "reason", reason));
    }

    /** New units of {@code service} from ordinal {@code from}, in bj-2. */
    ProducerRecord<String, byte[]> scaledOut(String group, long sequence, String operationId, String service,
                                             int from, int replicas) {
        List<Object> units = new ArrayList<>();
        for (int i = from; i < replicas; i++) {
            units.add(unit(group, service, i, "bj-2"));
        }
        return group(group, sequence, "ServiceScaledOut", Map.of("group", group, "operationId", operationId,
                "service", service, "replicas", replicas, "units", units));
    }

    ProducerRecord<String, byte[]> scaledIn(String group, long sequence, String operationId, String service,
                                            int replicas, Map<String, String> removed) {
        return group(group, sequence, "ServiceScaledIn", Map.of("group", group, "operationId", operationId,
                "service", service, "replicas", replicas, "removedUnits", removed));
    }

    ProducerRecord<String, byte[]> reconfigured(String group, long sequence, String operationId, String service,
                                                Map<String, String> parameters) {
        return group(group, sequence, "ServiceReconfigured", Map.of("group", group, "operationId", operationId,
                "service", service, "parameters", parameters));
    }

    ProducerRecord<String, byte[]> stopped(String group, long sequence, String operationId) {
        return group(group, sequence, "ServiceGroupStopped", Map.of("group", group, "operationId", operationId));
    }

    ProducerRecord<String, byte[]> deleted(String group, long sequence, String operationId,
                                           Map<String, String> released) {
        return group(group, sequence, "ServiceGroupDeleted", Map.of("group", group, "operationId", operationId,
                "releasedUnits", released));
    }

    ProducerRecord<String, byte[]> poolCreated(String pool, String cidr, String cniMode) {
        String prefix = cidr.substring(0, cidr.lastIndexOf('.'));
        return CloudEventRecords.event(poolTopic, "io.seamless.ippool.IpPoolCreated.v1", pool, 0, json(Map.of(
                "pool", pool, "cidr", cidr, "gateway", prefix + ".1", "excluded", List.of(), "cniMode", cniMode,
                "network", cniMode + "-" + pool, "capacity", 253)));
    }

    ProducerRecord<String, byte[]> addressAllocated(String pool, long sequence, String unit, String address) {
        return CloudEventRecords.event(poolTopic, "io.seamless.ippool.AddressAllocated.v1", pool, sequence,
                json(Map.of("pool", pool, "unit", unit, "address", address)));
    }

    ProducerRecord<String, byte[]> clusterRegistered(String cluster, String site, String zone) {
        return CloudEventRecords.event(clusterTopic, "io.seamless.cluster.ClusterRegistered.v1", cluster, 0,
                json(Map.of("cluster", cluster, "site", site, "zone", zone, "labels", Map.of(),
                        "capacity", Map.of("cpu", "64", "memory", "256Gi", "storage", "10Ti"),
                        "ipPools", List.of())));
    }

    ProducerRecord<String, byte[]> clusterCordoned(String cluster, long sequence) {
        return CloudEventRecords.event(clusterTopic, "io.seamless.cluster.ClusterCordoned.v1", cluster, sequence,
                json(Map.of("cluster", cluster)));
    }

    ProducerRecord<String, byte[]> group(String group, long sequence, String name, Map<String, ?> data) {
        return CloudEventRecords.event(groupTopic, TYPES + name + ".v1", group, sequence, json(data));
    }

    /** The record as the consumer hands it to a projection, for tests without a broker. */
    static EventEnvelope envelope(ProducerRecord<String, byte[]> record) {
        ConsumerRecord<String, byte[]> consumed = new ConsumerRecord<>(record.topic(), 0, 0, 0L,
                TimestampType.CREATE_TIME, 0, 0, record.key(), record.value(), record.headers(), Optional.empty());
        return BinaryCloudEvents.read(consumed);
    }

    static String id(String group, String service, int ordinal) {
        return group + "-" + service + "-" + ordinal;
    }

    private static Map<String, Object> service(int replicas, String cpu, String memory, Map<String, Object> storage,
                                               Map<String, String> config, String pool) {
        Map<String, Object> service = new LinkedHashMap<>();
        service.put("replicas", replicas);
        service.put("resources", Map.of("cpu", cpu, "memory", memory));
        service.put("storage", storage);
        service.put("config", config);
        service.put("ipPool", pool);
        return service;
    }

    private static Map<String, Object> storage(String storageClass, String size) {
        return Map.of("storageClass", storageClass, "size", size);
    }

    private static Map<String, Object> unit(String group, String service, int ordinal, String cluster) {
        Map<String, Object> unit = new LinkedHashMap<>();
        unit.put("id", id(group, service, ordinal));
        unit.put("service", service);
        unit.put("shard", null);
        unit.put("ordinal", ordinal);
        unit.put("cluster", cluster);
        return unit;
    }

    private static String json(Object data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
