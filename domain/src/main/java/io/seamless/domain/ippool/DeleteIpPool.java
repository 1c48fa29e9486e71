package io.seamless.domain.ippool;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Delete a pool that holds no allocation. */
public record DeleteIpPool(@TargetAggregateIdentifier String pool) {
}
