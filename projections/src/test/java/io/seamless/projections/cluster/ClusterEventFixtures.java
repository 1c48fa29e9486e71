package io.seamless.projections.cluster;

import io.seamless.projections.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Cluster events of the catalogue, on a given topic, as the command side publishes them. */
final class ClusterEventFixtures {

    private final String topic;

    ClusterEventFixtures(String topic) {
        this.topic = topic;
    }

    ProducerRecord<String, byte[]> registered(String cluster, long sequence, String site, String zone, String cpu) {
        return event(ClusterEvents.REGISTERED, cluster, sequence, """
                {"cluster": "%s", "site": "%s", "zone": "%s", "labels": {"tier": "gold", "example.com/rack": "r-%s"},
                 "capacity": {"cpu": "%s", "memory": "256Gi", "storage": "10Ti"}, "ipPools": ["orders-net"]}"""
                .formatted(cluster, site, zone, zone, cpu));
    }

    ProducerRecord<String, byte[]> capacityUpdated(String cluster, long sequence, String cpu, String memory,
                                                   String storage) {
        return event(ClusterEvents.CAPACITY_UPDATED, cluster, sequence, """
                {"cluster": "%s", "capacity": {"cpu": "%s", "memory": "%s", "storage": "%s"}}"""
                .formatted(cluster, cpu, memory, storage));
    }

    ProducerRecord<String, byte[]> ipPoolsUpdated(String cluster, long sequence, String... pools) {
        String names = pools.length == 0 ? "" : "\"" + String.join("\", \"", pools) + "\"";
        return event(ClusterEvents.IP_POOLS_UPDATED, cluster, sequence,
                "{\"cluster\": \"%s\", \"ipPools\": [%s]}".formatted(cluster, names));
    }

    ProducerRecord<String, byte[]> cordoned(String cluster, long sequence) {
        return named(ClusterEvents.CORDONED, cluster, sequence);
    }

    ProducerRecord<String, byte[]> uncordoned(String cluster, long sequence) {
        return named(ClusterEvents.UNCORDONED, cluster, sequence);
    }

    ProducerRecord<String, byte[]> removed(String cluster, long sequence) {
        return named(ClusterEvents.REMOVED, cluster, sequence);
    }

    ProducerRecord<String, byte[]> event(String type, String cluster, long sequence, String json) {
        return CloudEventRecords.event(topic, type, cluster, sequence, json);
    }

    private ProducerRecord<String, byte[]> named(String type, String cluster, long sequence) {
        return event(type, cluster, sequence, "{\"cluster\": \"%s\"}".formatted(cluster));
    }
}
