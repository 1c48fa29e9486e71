package io.seamless.command.dispatch;

import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.CommandTargetResolver;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;

/**
 * Finds a command's aggregate as Axon does (its {@code @TargetAggregateIdentifier}) and takes the
 * version the caller expects from the command's metadata ({@code If-Match} over HTTP), so that
 * optimistic concurrency needs no version field in every command. Axon then refuses the command
 * with a {@code ConflictingAggregateVersionException} when the aggregate has moved on.
 */
public class ExpectedVersionTargetResolver implements CommandTargetResolver {

    private final CommandTargetResolver annotations = AnnotationCommandTargetResolver.builder().build();

    @Override
    public VersionedAggregateIdentifier resolveTarget(CommandMessage<?> command) {
        VersionedAggregateIdentifier target = annotations.resolveTarget(command);
        Object expected = command.getMetaData().get(AuditMetadata.EXPECTED_VERSION);
        if (expected == null) {
            return target;
        }
        return new VersionedAggregateIdentifier(target.getIdentifierValue(), ((Number) expected).longValue());
    }
}
