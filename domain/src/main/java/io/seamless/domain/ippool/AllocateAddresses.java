package io.seamless.domain.ippool;

import java.util.List;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/**
 * Hand the lowest free addresses to several units at once, all or none: units that already hold
 * an address keep it (nothing recorded for them); when the pool cannot serve every other unit,
 * nothing is recorded. One command (one transaction) for all the units of an operation.
 */
public record AllocateAddresses(@TargetAggregateIdentifier String pool, List<String> units) {

    public AllocateAddresses {
        units = List.copyOf(units);
    }
}
