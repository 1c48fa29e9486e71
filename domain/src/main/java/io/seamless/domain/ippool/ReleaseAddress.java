package io.seamless.domain.ippool;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Take a unit's address back; releasing a unit that holds nothing records nothing. */
public record ReleaseAddress(@TargetAggregateIdentifier String pool, String unit) {
}
