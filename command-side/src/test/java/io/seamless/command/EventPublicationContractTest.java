package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.cloudevents.kafka.CloudEventDeserializer;
import io.seamless.command.audit.HashChain;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.ippool.AllocateAddress;
import io.seamless.domain.ippool.CreateIpPool;
import io.seamless.domain.ippool.DeleteIpPool;
import io.seamless.domain.ippool.ReleaseAddress;
import io.seamless.domain.ippool.ReserveAddress;
import io.seamless.schemas.EventHashes;
import io.seamless.schemas.EventSchemas;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * The public contract: every event the command side records reaches Kafka once acknowledged, in
 * order, as a binary-mode CloudEvent with every attribute of the catalogue, and its data is valid
 * against the JSON Schema named by its dataschema attribute.
 */
@SpringBootTest(properties = {"spring.kafka.bootstrap-servers=${spring.embedded.kafka.brokers}",
    "spring.datasource.url=jdbc:h2:mem:contract;DB_CLOSE_DELAY=-1", "spring.main.web-application-type=none"})
@EmbeddedKafka(kraft = true, partitions = 1)
class EventPublicationContractTest {

    private static final AuditMetadata AUDIT = new AuditMetadata("alice", "capacity for Q3", "CHG-42", "corr-1");
    private static final List<String> REQUIRED = List.of("ce_specversion", "ce_id", "ce_source", "ce_type",
            "ce_subject", "ce_time", "ce_dataschema", "ce_sequence", "ce_actor", "ce_reason", "ce_ticket",
            "ce_correlationid", "ce_causationid", "ce_prevhash", "ce_hash", "content-type");

    @Autowired
    private CommandDispatcher dispatcher;
    @Value("${spring.kafka.bootstrap-servers}")
    private String bootstrapServers;
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEventIsPublishedInOrderWithItsAttributesAndValidAgainstItsSchema() throws Exception {
        dispatcher.send(new CreateIpPool("contract-net", "10.70.0.0/24", "10.70.0.1", List.of("10.70.0.2-10.70.0.3"),
                42, "macvlan", "macvlan-conf"), AUDIT);
        dispatcher.send(new AllocateAddress("contract-net", "unit-a"), AUDIT);
        dispatcher.send(new ReserveAddress("contract-net", "unit-b", "10.70.0.99"), AUDIT);
        dispatcher.send(new ReleaseAddress("contract-net", "unit-a"), AUDIT);
        dispatcher.send(new ReleaseAddress("contract-net", "unit-b"), AUDIT);
        dispatcher.send(new DeleteIpPool("contract-net"), AUDIT);

        List<ConsumerRecord<String, byte[]>> records = readAll("seamless.events.ippool",
                read -> read.stream().filter(r -> "contract-net".equals(r.key())).count() >= 6).stream()
                .filter(r -> "contract-net".equals(r.key())).toList();

        assertThat(records).extracting(ConsumerRecord::key).containsOnly("contract-net");
        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(
                "io.seamless.ippool.IpPoolCreated.v1", "io.seamless.ippool.AddressAllocated.v1",
                "io.seamless.ippool.AddressReserved.v1", "io.seamless.ippool.AddressReleased.v1",
                "io.seamless.ippool.AddressReleased.v1", "io.seamless.ippool.IpPoolDeleted.v1");
        assertThat(records).extracting(r -> header(r, "ce_sequence")).containsExactly("0", "1", "2", "3", "4", "5");
        EventSchemas schemas = EventSchemas.load();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(headerNames(record)).containsAll(REQUIRED);
            assertThat(header(record, "ce_source")).isEqualTo("/seamless/command");
            assertThat(header(record, "ce_subject")).isEqualTo("contract-net");
            assertThat(header(record, "ce_actor")).isEqualTo("alice");
            assertThat(header(record, "ce_reason")).isEqualTo("capacity for Q3");
            assertThat(header(record, "ce_ticket")).isEqualTo("CHG-42");
            assertThat(header(record, "ce_correlationid")).isEqualTo("corr-1");
            assertThat(header(record, "ce_dataschema")).isEqualTo(schemas.dataschemaFor(header(record, "ce_type")));
            JsonNode data = json.readTree(record.value());
            assertThat(schemas.validate(header(record, "ce_dataschema"), data))
                    .as("schema violations of %s", header(record, "ce_type")).isEmpty();
        }
        assertHashChain(records);
        JsonNode created = json.readTree(records.get(0).value());
        assertThat(created.get("capacity").asInt()).isEqualTo(251);
        assertThat(json.readTree(records.get(1).value()).get("address").asText()).isEqualTo("10.70.0.4");
    }

    @Test
    void aTamperedEventNoLongerMatchesItsHash() {
        dispatcher.send(new CreateIpPool("tamper-net", "10.71.0.0/24", "10.71.0.1", List.of(), null, "calico", "t"),
                AUDIT);
        ConsumerRecord<String, byte[]> record = readAll("seamless.events.ippool",
                read -> read.stream().anyMatch(r -> "tamper-net".equals(r.key()))).stream()
                .filter(r -> "tamper-net".equals(r.key())).findFirst().orElseThrow();
        byte[] forged = new String(record.value(), StandardCharsets.UTF_8).replace("10.71.0.1", "10.71.0.9")
                .getBytes(StandardCharsets.UTF_8);
        CloudEvent original = cloudEvent(record, record.value());
        assertThat(HashChain.hashOf(original)).isEqualTo(header(record, "ce_hash"));
        assertThat(HashChain.hashOf(cloudEvent(record, forged))).isNotEqualTo(header(record, "ce_hash"));
    }

    /** Each hash is recomputable from the record alone and each event names its predecessor's hash. */
    private static void assertHashChain(List<ConsumerRecord<String, byte[]>> records) {
        String previous = EventHashes.GENESIS;
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(header(record, "ce_prevhash")).isEqualTo(previous);
            assertThat(HashChain.hashOf(cloudEvent(record, record.value()))).isEqualTo(header(record, "ce_hash"));
            previous = header(record, "ce_hash");
        }
    }

    private static CloudEvent cloudEvent(ConsumerRecord<String, byte[]> record, byte[] value) {
        try (CloudEventDeserializer deserializer = new CloudEventDeserializer()) {
            return deserializer.deserialize(record.topic(), record.headers(), value);
        }
    }

    /** Reads the topic from offset 0, with a group of its own, until {@code done} holds. */
    private List<ConsumerRecord<String, byte[]>> readAll(String topic,
                                                         Predicate<List<ConsumerRecord<String, byte[]>>> done) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.GROUP_ID_CONFIG, "contract-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return done.test(records);
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static List<String> headerNames(ConsumerRecord<String, byte[]> record) {
        return java.util.Arrays.stream(record.headers().toArray()).map(Header::key).collect(Collectors.toList());
    }
}
