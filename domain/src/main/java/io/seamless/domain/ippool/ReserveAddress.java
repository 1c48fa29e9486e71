package io.seamless.domain.ippool;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand a specific address to a unit. */
public record ReserveAddress(@TargetAggregateIdentifier String pool, String unit, String address) {
}
