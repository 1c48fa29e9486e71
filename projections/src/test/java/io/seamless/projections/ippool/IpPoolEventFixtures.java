package io.seamless.projections.ippool;

import io.seamless.projections.CloudEventRecords;
import org.apache.kafka.clients.producer.ProducerRecord;

/** IP pool events of the catalogue, on a given topic, as the command side publishes them. */
final class IpPoolEventFixtures {

    private final String topic;

    IpPoolEventFixtures(String topic) {
        this.topic = topic;
    }

    ProducerRecord<String, byte[]> created(String pool, long sequence, String cidr, Integer vlan, long capacity) {
        String prefix = cidr.substring(0, cidr.lastIndexOf('.'));
        String vlanField = vlan == null ? "" : ", \"vlan\": " + vlan;
        return event(IpPoolEvents.POOL_CREATED, pool, sequence, """
                {"pool": "%s", "cidr": "%s", "gateway": "%s.1", "excluded": ["%s.2-%s.9"]%s,
                 "cniMode": "calico", "network": "calico-%s", "capacity": %d}"""
                .formatted(pool, cidr, prefix, prefix, prefix, vlanField, pool, capacity));
    }

    ProducerRecord<String, byte[]> allocated(String pool, long sequence, String unit, String address) {
        return address(IpPoolEvents.ADDRESS_ALLOCATED, pool, sequence, unit, address);
    }

    ProducerRecord<String, byte[]> reserved(String pool, long sequence, String unit, String address) {
        return address(IpPoolEvents.ADDRESS_RESERVED, pool, sequence, unit, address);
    }

    ProducerRecord<String, byte[]> released(String pool, long sequence, String unit, String address) {
        return address(IpPoolEvents.ADDRESS_RELEASED, pool, sequence, unit, address);
    }

    ProducerRecord<String, byte[]> deleted(String pool, long sequence) {
        return event(IpPoolEvents.POOL_DELETED, pool, sequence, "{\"pool\": \"%s\"}".formatted(pool));
    }

    ProducerRecord<String, byte[]> event(String type, String pool, long sequence, String json) {
        return CloudEventRecords.event(topic, type, pool, sequence, json);
    }

    private ProducerRecord<String, byte[]> address(String type, String pool, long sequence, String unit,
                                                   String address) {
        return event(type, pool, sequence, "{\"pool\": \"%s\", \"unit\": \"%s\", \"address\": \"%s\"}"
                .formatted(pool, unit, address));
    }
}
