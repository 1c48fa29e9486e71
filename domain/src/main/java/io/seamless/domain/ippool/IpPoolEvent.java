package io.seamless.domain.ippool;

/**
 * Everything that can happen to an IP pool. Axon stores each event's class name: renaming or
 * moving one of these records needs an upcaster. The public form on Kafka is produced by the
 * command side's mapper (see docs/event-catalogue.md), not by serializing these records.
 */
public sealed interface IpPoolEvent
        permits IpPoolCreated, AddressAllocated, AddressReserved, AddressReleased, IpPoolDeleted {

    String pool();
}
