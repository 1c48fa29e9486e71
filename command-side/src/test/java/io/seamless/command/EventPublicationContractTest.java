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
import io.seamless.domain.cluster.Capacity;
import io.seamless.domain.cluster.CordonCluster;
import io.seamless.domain.cluster.RegisterCluster;
import io.seamless.domain.cluster.RemoveCluster;
import io.seamless.domain.cluster.UncordonCluster;
import io.seamless.domain.cluster.UpdateClusterCapacity;
import io.seamless.domain.cluster.UpdateClusterIpPools;
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
import java.util.stream.LongStream;
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
 * against the JSON Schema named by its dataschema attribute. Each aggregate's events are sent here,
 * every event type at least once.
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

        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(
                "io.seamless.ippool.IpPoolCreated.v1", "io.seamless.ippool.AddressAllocated.v1",
                "io.seamless.ippool.AddressReserved.v1", "io.seamless.ippool.AddressReleased.v1",
                "io.seamless.ippool.AddressReleased.v1", "io.seamless.ippool.IpPoolDeleted.v1");
        assertPublicContract(records, "contract-net");
        JsonNode created = json.readTree(records.get(0).value());
        assertThat(created.get("capacity").asInt()).isEqualTo(251);
        assertThat(json.readTree(records.get(1).value()).get("address").asText()).isEqualTo("10.70.0.4");
    }

    @Test
    void everyClusterEventIsPublishedUnderTheClusterNameAndValidAgainstItsSchema() throws Exception {
        dispatcher.send(new CreateIpPool("contract-pool", "10.72.0.0/24", "10.72.0.1", List.of(), null, "calico", "c"),
                AUDIT);
        dispatcher.send(new RegisterCluster("contract-1", "beijing", "a", Map.of("tier", "gold",
                "topology.example.com/rack", "r-07"), new Capacity("2.5", "1024Mi", "10Ti"), List.of("contract-pool")),
                AUDIT);
        dispatcher.send(new UpdateClusterCapacity("contract-1", new Capacity("96", "8G", "0")), AUDIT);
        dispatcher.send(new UpdateClusterIpPools("contract-1", List.of()), AUDIT);
        dispatcher.send(new CordonCluster("contract-1"), AUDIT);
        dispatcher.send(new UncordonCluster("contract-1"), AUDIT);
        dispatcher.send(new RemoveCluster("contract-1"), AUDIT);

        List<ConsumerRecord<String, byte[]>> records = readAll("seamless.events.cluster",
                read -> read.stream().filter(r -> "contract-1".equals(r.key())).count() >= 6).stream()
                .filter(r -> "contract-1".equals(r.key())).toList();

        assertThat(records).extracting(r -> header(r, "ce_type")).containsExactly(
                "io.seamless.cluster.ClusterRegistered.v1", "io.seamless.cluster.ClusterCapacityUpdated.v1",
                "io.seamless.cluster.ClusterIpPoolsUpdated.v1", "io.seamless.cluster.ClusterCordoned.v1",
                "io.seamless.cluster.ClusterUncordoned.v1", "io.seamless.cluster.ClusterRemoved.v1");
        assertPublicContract(records, "contract-1");
        assertThat(json.readTree(records.get(0).value())).isEqualTo(json.readTree("""
                {"cluster": "contract-1", "site": "beijing", "zone": "a",
                 "labels": {"tier": "gold", "topology.example.com/rack": "r-07"},
                 "capacity": {"cpu": "2500m", "memory": "1Gi", "storage": "10Ti"}, "ipPools": ["contract-pool"]}"""));
        assertThat(json.readTree(records.get(2).value()).get("ipPools").isEmpty()).isTrue();
    }

    @Test
    void everyServiceGroupEventIsPublishedUnderTheGroupNameAndValidAgainstItsSchema() throws Exception {
        dispatcher.send(new CreateIpPool("sg-contract-net", "10.73.0.0/24", "10.73.0.1", List.of(), null, "calico",
                "c"), AUDIT);
        dispatcher.send(new CreateIpPool("sg-tiny-net", "10.74.0.0/30", "10.74.0.1", List.of(), null, "calico", "c"),
                AUDIT);
        dispatcher.send(new RegisterCluster("sg-contract-1", "beijing", "a", Map.of(), new Capacity("64", "256Gi",
                "10Ti"), List.of("sg-contract-net", "sg-tiny-net")), AUDIT);
        ServiceGroupContract group = new ServiceGroupContract(dispatcher, AUDIT, "sg-contract-1");
        group.runEveryOperation("contract-db", "sg-contract-net");
        group.failCreation("contract-failed-db", "sg-tiny-net");

        List<ConsumerRecord<String, byte[]>> records = readAll("seamless.events.servicegroup",
                read -> read.stream().filter(r -> "contract-db".equals(r.key())).count() >= 15
                        && read.stream().anyMatch(r -> "contract-failed-db".equals(r.key())
                        && header(r, "ce_type").endsWith("OperationFailed.v1")));
        List<ConsumerRecord<String, byte[]>> ofGroup = records.stream().filter(r -> "contract-db".equals(r.key()))
                .toList();
        assertThat(ofGroup).extracting(r -> header(r, "ce_type").replaceAll("^io\\.seamless\\.servicegroup\\.", ""))
                .containsExactlyElementsOf(ServiceGroupContract.EXPECTED_TYPES);
        assertPublicContract(ofGroup, "contract-db", ServiceGroupContract.ACTORS);
        assertPublicContract(records.stream().filter(r -> "contract-failed-db".equals(r.key())).toList(),
                "contract-failed-db", ServiceGroupContract.ACTORS);
    }

    private void assertPublicContract(List<ConsumerRecord<String, byte[]>> records, String subject) throws Exception {
        assertPublicContract(records, subject, java.util.Set.of("alice"));
    }

    /**
     * In order from sequence 0, every attribute of the catalogue, data valid against its schema, one
     * hash chain. Events caused by a service identity carry it as actor, and no reason or ticket of alice's.
     */
    private void assertPublicContract(List<ConsumerRecord<String, byte[]>> records, String subject,
                                      java.util.Set<String> actors) throws Exception {
        assertThat(records).extracting(ConsumerRecord::key).containsOnly(subject);
        assertThat(records).extracting(r -> Long.parseLong(header(r, "ce_sequence")))
                .containsExactlyElementsOf(LongStream.range(0, records.size()).boxed().toList());
        EventSchemas schemas = EventSchemas.load();
        for (ConsumerRecord<String, byte[]> record : records) {
            assertThat(header(record, "ce_source")).isEqualTo("/seamless/command");
            assertThat(header(record, "ce_subject")).isEqualTo(subject);
            assertThat(header(record, "ce_actor")).isIn(actors);
            if ("alice".equals(header(record, "ce_actor"))) {
                assertThat(headerNames(record)).containsAll(REQUIRED);
                assertThat(header(record, "ce_reason")).isEqualTo("capacity for Q3");
                assertThat(header(record, "ce_ticket")).isEqualTo("CHG-42");
                assertThat(header(record, "ce_correlationid")).isEqualTo("corr-1");
            } else {
                assertThat(headerNames(record)).containsAll(REQUIRED.stream()
                        .filter(name -> !name.equals("ce_ticket")).toList());
            }
            assertThat(header(record, "ce_dataschema")).isEqualTo(schemas.dataschemaFor(header(record, "ce_type")));
            JsonNode data = json.readTree(record.value());
            assertThat(schemas.validate(header(record, "ce_dataschema"), data))
                    .as("schema violations of %s", header(record, "ce_type")).isEmpty();
        }
        assertHashChain(records);
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
