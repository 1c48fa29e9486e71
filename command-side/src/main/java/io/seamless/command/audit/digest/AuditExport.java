package io.seamless.command.audit.digest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.cloudevents.CloudEvent;
import io.seamless.command.audit.HashChain;
import io.seamless.command.publication.CloudEventMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;

/**
 * An auditor's copy of one history: the events of an aggregate in a time range, in their public form (every
 * CloudEvents attribute, actor, reason, ticket and hash included, exactly what the hash covers), and the signed
 * digests that cover its chain, so that the copy verifies offline with the public key
 * ({@code verify --export=FILE}). JSON Lines: one {@code {"record":"event",...}} or {@code {"record":"digest",...}}
 * a line; or CSV with one row each. Events are exported as they were recorded: one recorded at an older version
 * of its type than the latest keeps that version and its recorded data, which its hash covers.
 */
class AuditExport {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> CSV_COLUMNS = List.of("record", "topic", "subject", "sequence", "time", "type",
            "id", "source", "actor", "reason", "ticket", "correlationid", "causationid", "prevhash", "hash", "data");

    private final EventStore events;
    private final CloudEventMapper mapper;
    private final DigestStore digests;

    AuditExport(EventStore events, CloudEventMapper mapper, DigestStore digests) {
        this.events = events;
        this.mapper = mapper;
        this.digests = digests;
    }

    /** The lines of the export, events first (oldest first), then the digests covering the chain. */
    List<ObjectNode> records(String aggregateId, Instant from, Instant to) {
        List<ObjectNode> records = new ArrayList<>();
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        String topic = null;
        String subject = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event = stream.next();
            Instant time = event.getTimestamp();
            ProducerRecord<String, CloudEvent> record = mapper.toRecordedForm(event).orElseThrow();
            topic = record.topic();
            subject = record.key();
            if ((from == null || !time.isBefore(from)) && (to == null || time.isBefore(to))) {
                records.add(event(topic, record.value()));
            }
        }
        if (topic != null) {
            for (DigestStore.Stored digest : digests.covering(topic, subject)) {
                ObjectNode line = JSON.createObjectNode().put("record", "digest");
                line.set("digest", parse(digest.document()));
                records.add(line);
            }
        }
        return records;
    }

    static void writeJsonLines(List<ObjectNode> records, Writer out) throws IOException {
        for (ObjectNode record : records) {
            out.write(JSON.writeValueAsString(record));
            out.write('\n');
        }
    }

    static void writeCsv(List<ObjectNode> records, Writer out) throws IOException {
        out.write(String.join(",", CSV_COLUMNS) + "\r\n");
        for (ObjectNode record : records) {
            List<String> cells = new ArrayList<>();
            for (String column : CSV_COLUMNS) {
                cells.add(csv(cell(record, column)));
            }
            out.write(String.join(",", cells) + "\r\n");
        }
    }

    private static String cell(ObjectNode record, String column) {
        if (column.equals("record") || column.equals("topic")) {
            return record.path(column).asText();
        }
        if (record.has("digest")) {
            return column.equals("data") ? record.get("digest").toString() : "";
        }
        JsonNode value = column.equals("data") ? record.get("data") : record.path("attributes").get(column);
        return value == null ? "" : value.isTextual() ? value.asText() : value.toString();
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
    private static String csv(String value) {
        if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
            return "\"" + value.replace("\"", "\"\"") + "\"";
        }
        return value;
    }

    private static ObjectNode event(String topic, CloudEvent event) {
        ObjectNode line = JSON.createObjectNode().put("record", "event").put("topic", topic);
        line.set("attributes", JSON.valueToTree(HashChain.attributes(event)));
        line.set("data", parse(new String(Objects.requireNonNull(event.getData()).toBytes(),
                StandardCharsets.UTF_8)));
        return line;
    }

    private static JsonNode parse(String json) {
        try {
            return JSON.readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + json, e);
        }
    }
}
