package io.seamless.command.eventstore;

import io.seamless.command.publication.PublicEventCatalog;
import io.seamless.schemas.EventUpcasters;
import java.util.Optional;
import org.axonframework.serialization.AnnotationRevisionResolver;
import org.axonframework.serialization.RevisionResolver;

/**
 * The {@code payload_revision} the event store writes: for an event of the public catalogue, the latest version of
 * its type in the registry of version steps, so that a new event is never taken for an old one and upcast again.
 * Version 1 is written as no revision, as every event was before versions existed: no revision reads as v1. Other
 * classes (none are events today) keep Axon's {@code @Revision}.
 */
public final class StoredEventRevisions implements RevisionResolver {

    private final EventUpcasters upcasters;
    private final RevisionResolver annotations = new AnnotationRevisionResolver();

    public StoredEventRevisions(EventUpcasters upcasters) {
        this.upcasters = upcasters;
    }

    @Override
    public String revisionOf(Class<?> payloadType) {
        Optional<PublicEventCatalog.Entry> entry = PublicEventCatalog.entryFor(payloadType);
        if (entry.isEmpty()) {
            return annotations.revisionOf(payloadType);
        }
        return revision(upcasters.latestVersion(entry.get().aggregate(), entry.get().name()));
    }

    /** The stored revision of a version: none for v1. */
    static String revision(int version) {
        return version == 1 ? null : Integer.toString(version);
    }

    /**
     * The version of a stored revision: none (or {@code 1}) is v1.
     *
     * @throws IllegalStateException if the revision is not a version number
     */
    static int version(String revision) {
        if (revision == null || revision.isEmpty()) {
            return 1;
        }
        try {
            int version = Integer.parseInt(revision);
            if (version >= 1) {
                return version;
            }
        } catch (NumberFormatException e) {
            // reported below, with the offending revision
        }
        throw new IllegalStateException("stored payload revision '" + revision + "' is not a version number (1, 2, ...)");
    }
}
