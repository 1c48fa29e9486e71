package io.seamless.domain.ippool;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Hand the lowest free address to a unit; asking again for the same unit returns the same address. */
public record AllocateAddress(@TargetAggregateIdentifier String pool, String unit) {
}
