package io.seamless.command.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.seamless.command.publication.PublicEventCatalog;
import io.seamless.schemas.EventUpcasters;
import io.seamless.schemas.UpcastStep;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Axon's side of the registry of version steps: as events are read from the store (to load an aggregate, or by a
 * tracking processor such as the Kafka publisher), an event recorded at an older version of its public type is
 * brought to the latest version by the registry's own steps, and its stored revision becomes that version
 * ({@link StoredEventRevisions}). The steps are written for the public data; they read the stored event because the
 * catalogue only lets a type have steps when its domain record is stored with exactly its public fields
 * ({@link PublicEventCatalog.Entry#storedAsPublished()}), which this checks when it is built. The recorded form goes
 * into the event's metadata ({@link RecordedForm}), for the hash chain.
 *
 * <p>Spring Boot's Axon configuration registers every {@code EventUpcaster} bean into {@code upcasterChain()}, which
 * the event store is built with.
 */
public final class StoredEventUpcaster extends SingleEventUpcaster {

    private final EventUpcasters upcasters;

    /**
     * @throws IllegalStateException if a step is for an event type no domain event is published as, or for one whose
     *                               domain record is not stored in the shape of its public data
     */
    public StoredEventUpcaster(EventUpcasters upcasters) {
        this.upcasters = upcasters;
        upcasters.steps().forEach(StoredEventUpcaster::refuseUnreadable);
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return PublicEventCatalog.entryForStoredType(event.getType().getName())
                .filter(entry -> StoredEventRevisions.version(event.getType().getRevision())
                        < upcasters.latestVersion(entry.aggregate(), entry.name()))
                .isPresent();
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        PublicEventCatalog.Entry entry = PublicEventCatalog.entryForStoredType(event.getType().getName()).orElseThrow();
        int recorded = StoredEventRevisions.version(event.getType().getRevision());
        int latest = upcasters.latestVersion(entry.aggregate(), entry.name());
        return event.upcast(new SimpleSerializedType(event.getType().getName(), StoredEventRevisions.revision(latest)),
                JsonNode.class,
                data -> upcasters.upcast(entry.aggregate(), entry.name(), recorded, (ObjectNode) data),
                metaData -> metaData.mergedWith(RecordedForm.entries(metaData, recorded,
                        () -> event.getData(JsonNode.class).getData().toString())));
    }

    private static void refuseUnreadable(UpcastStep step) {
        PublicEventCatalog.Entry entry = PublicEventCatalog.entryFor(step.aggregate(), step.event())
                .orElseThrow(() -> new IllegalStateException("version step " + step.fromType() + " -> v" + step.to()
                        + ": no domain event is published as " + step.aggregate() + "." + step.event()));
        if (!entry.storedAsPublished()) {
            throw new IllegalStateException("version step " + step.fromType() + " -> v" + step.to() + ": "
                    + step.aggregate() + "." + step.event() + " is stored in another shape than its public data (its"
                    + " catalogue entry maps it), so a step written for the public data cannot read the stored events;"
                    + " store it as published first, or give the store an upcaster of its own");
        }
    }
}
