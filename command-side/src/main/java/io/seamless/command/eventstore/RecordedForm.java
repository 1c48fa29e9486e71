package io.seamless.command.eventstore;

import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The form an upcast event was recorded in: its version and its stored data, which for the events the upcaster takes
 * is its public data at that version (see {@link StoredEventUpcaster}). The event's {@code hash} covers that form, not
 * the upcast one, so whoever checks the hash chain (verification, the auditor's export) needs it. The upcaster puts it
 * into the metadata of the event as it is read; it lives in memory only and is never stored again.
 *
 * @param version the version the event was recorded at
 * @param data    its data as stored, JSON
 */
public record RecordedForm(int version, String data) {

    /** Metadata key of the version the event was recorded at. */
    public static final String VERSION = "seamless.recorded.version";
    /** Metadata key of the data as recorded. */
    public static final String DATA = "seamless.recorded.data";

    /** The recorded form of an event that was upcast as it was read; empty for an event read as it was recorded. */
    public static Optional<RecordedForm> of(Map<String, ?> metaData) {
        Object version = metaData.get(VERSION);
        Object data = metaData.get(DATA);
        if (version == null || data == null) {
            return Optional.empty();
        }
        return Optional.of(new RecordedForm(Integer.parseInt(version.toString()), data.toString()));
    }

    /**
     * The metadata with the recorded form added, unless an earlier upcast added it already: the first one saw the
     * event as it was recorded.
     */
    static Map<String, String> entries(Map<String, ?> metaData, int version, Supplier<String> data) {
        return metaData.containsKey(VERSION) ? Map.of() : Map.of(VERSION, Integer.toString(version), DATA, data.get());
    }
}
