package io.seamless.projections.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamless.projections.CloudEventRecords;
import io.seamless.schemas.EventUpcasters;
import io.seamless.schemas.UpcastStep;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

class BinaryCloudEventsTest {

    private static final String TYPE = "io.seamless.ippool.AddressAllocated.v1";
    private static final String DATA =
            "{\"pool\": \"orders-net\", \"unit\": \"orders-mysql-0\", \"address\": \"10.20.0.10\"}";

    @Test
    void readsTheCatalogueAttributesAndTheJsonData() {
        EventEnvelope event = BinaryCloudEvents.read(consumed(produced()));

        assertThat(event.type()).isEqualTo(TYPE);
        assertThat(event.subject()).isEqualTo("orders-net");
        assertThat(event.sequence()).isEqualTo(3);
        assertThat(event.time()).isEqualTo(Instant.parse("2026-01-01T00:00:03Z"));
        assertThat(event.id()).isNotBlank();
        assertThat(event.data().get("address").asText()).isEqualTo("10.20.0.10");
    }

    @Test
    void aMissingTimeFallsBackToTheRecordTimestamp() {
        EventEnvelope event = BinaryCloudEvents.read(consumed(CloudEventRecords.without(produced(), "ce_time")));

        assertThat(event.time()).isEqualTo(Instant.ofEpochMilli(1_700_000_000_000L));
    }

    @Test
    void eachRequiredHeaderIsRequired() {
        for (String header : new String[] {"ce_specversion", "ce_id", "ce_type", "ce_subject", "ce_sequence"}) {
            ConsumerRecord<String, byte[]> record = consumed(CloudEventRecords.without(produced(), header));

            assertThatThrownBy(() -> BinaryCloudEvents.read(record))
                    .isInstanceOf(MalformedEventException.class)
                    .hasMessage("missing header " + header);
        }
    }

    @Test
    void aSequenceMustBeANonNegativeDecimal() {
        for (String sequence : new String[] {"three", "-1", "1.5", "99999999999999999999"}) {
            ProducerRecord<String, byte[]> record = CloudEventRecords.without(produced(), "ce_sequence");
            record.headers().add("ce_sequence", sequence.getBytes(StandardCharsets.UTF_8));

            assertThatThrownBy(() -> BinaryCloudEvents.read(consumed(record)))
                    .isInstanceOf(MalformedEventException.class)
                    .hasMessageContaining("ce_sequence '" + sequence + "'");
        }
    }

    @Test
    void anotherSpecVersionIsRefused() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.without(produced(), "ce_specversion");
        record.headers().add("ce_specversion", "0.3".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BinaryCloudEvents.read(consumed(record)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_specversion '0.3'");
    }

    @Test
    void dataMustBeAJsonObject() {
        assertMalformed("{\"pool\":".getBytes(StandardCharsets.UTF_8), "data is not JSON");
        assertMalformed("[1,2]".getBytes(StandardCharsets.UTF_8), "data is not a JSON object");
        assertMalformed(new byte[0], "data is not a JSON object");
        assertMalformed(null, "no data");
    }

    @Test
    void anUnreadableTimeIsMalformed() {
        ProducerRecord<String, byte[]> record = CloudEventRecords.without(produced(), "ce_time");
        record.headers().add("ce_time", "yesterday".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> BinaryCloudEvents.read(consumed(record)))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("ce_time 'yesterday'");
    }

    @Test
    void anOlderVersionIsReadAtTheLatestVersionOfItsType() {
        EventUpcasters upcasters = EventUpcasters.of(new UpcastStep("ippool", "AddressAllocated", 1, data -> {
            data.set("unitId", data.remove("unit"));
            return data;
        }));

        EventEnvelope event = BinaryCloudEvents.read(consumed(produced()), upcasters);

        assertThat(event.type()).isEqualTo("io.seamless.ippool.AddressAllocated.v2");
        assertThat(event.data().get("unitId").asText()).isEqualTo("orders-mysql-0");
        assertThat(event.data().has("unit")).isFalse();
        assertThat(event.sequence()).isEqualTo(3);
    }

    @Test
    void aRecordAVersionStepCannotReadIsMalformed() {
        EventUpcasters upcasters = EventUpcasters.of(new UpcastStep("ippool", "AddressAllocated", 1, data -> {
            throw new IllegalArgumentException("no field 'unit'");
        }));

        assertThatThrownBy(() -> BinaryCloudEvents.read(consumed(produced()), upcasters))
                .isInstanceOf(MalformedEventException.class)
                .hasMessage(TYPE + " cannot be brought to its latest version: step " + TYPE
                        + " -> v2 cannot read the data: no field 'unit'");
    }

    private static void assertMalformed(byte[] value, String message) {
        ConsumerRecord<String, byte[]> record = consumed(CloudEventRecords.withValue(produced(), value));

        assertThatThrownBy(() -> BinaryCloudEvents.read(record))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageStartingWith(message);
    }

    private static ProducerRecord<String, byte[]> produced() {
        return CloudEventRecords.event("seamless.events.ippool", TYPE, "orders-net", 3, DATA);
    }

    private static ConsumerRecord<String, byte[]> consumed(ProducerRecord<String, byte[]> record) {
        byte[] value = record.value();
        return new ConsumerRecord<>(record.topic(), 0, 42, 1_700_000_000_000L, TimestampType.CREATE_TIME,
                -1, value == null ? -1 : value.length, record.key(), value,
                new RecordHeaders(record.headers().toArray()), Optional.empty());
    }
}
