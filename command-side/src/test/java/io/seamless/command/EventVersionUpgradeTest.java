package io.seamless.command;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.domain.ippool.AddressAssignment;
import io.seamless.domain.ippool.AllocateAddress;
import io.seamless.domain.ippool.CreateIpPool;
import io.seamless.domain.ippool.IpPoolCreated;
import io.seamless.schemas.EventHashes;
import io.seamless.schemas.EventUpcasters;
import io.seamless.schemas.UpcastStep;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * The day an event type gets a v2: a node that knows only v1 records events, then a node that knows the step
 * v1 -> v2 takes over the same event store. The v1 events stay as they were stored; the new node loads its
 * aggregates from them as v2, its publisher (reset, so that it republishes the store) publishes them exactly as
 * recorded (v1: the topics verify offline against the hashes, and readers upcast), new events are stored at v2 and
 * never upcast again, and the hash chain still verifies against the form each event was recorded and hashed in.
 */
class EventVersionUpgradeTest {

    private static final String DATABASE = "jdbc:h2:mem:version-upgrade;DB_CLOSE_DELAY=-1";
    private static final String TOPIC = "seamless.events.ippool";
    private static final AuditMetadata AUDIT = new AuditMetadata("upgrade-test", "v2 of IpPoolCreated", null, "upg");
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * A test-only v2 of a real event type: the address after the gateway is kept for a router, so a v2 pool lists it
     * among its excluded addresses and does not count it. Derived from the v1 data alone, as a step must be.
     */
    private static final UpcastStep ROUTER_ADDRESS_EXCLUDED = new UpcastStep("ippool", "IpPoolCreated", 1, data -> {
        String gateway = data.get("gateway").asText();
        int last = gateway.lastIndexOf('.') + 1;
        String router = gateway.substring(0, last) + (Integer.parseInt(gateway.substring(last)) + 1);
        data.withArray("excluded").add(router);
        return data.put("capacity", data.get("capacity").asInt() - 1);
    });

    private static EmbeddedKafkaKraftBroker kafka;

    @BeforeAll
    static void startKafka() {
        kafka = new EmbeddedKafkaKraftBroker(1, 1);
        kafka.afterPropertiesSet();
    }

    @AfterAll
    static void stopKafka() {
        kafka.destroy();
    }

    @Test
    void eventsRecordedAtV1AreLoadedPublishedAndVerifiedAsV2ByTheNodeThatKnowsV2() throws Exception {
        try (ConfigurableApplicationContext v1Node = node(null)) {
            dispatcher(v1Node).send(new CreateIpPool("upgrade-net", "10.76.0.0/24", "10.76.0.1", List.of(), null,
                    "calico", "u"), AUDIT);
            awaitRecords("upgrade-net", 1);
        }
        JdbcClient store = JdbcClient.create(new DriverManagerDataSource(DATABASE, "sa", ""));
        assertThat(revisions(store, "upgrade-net")).containsExactly((String) null);
        // An operator resets the publisher: it republishes the whole store, v1 events included.
        store.sql("DELETE FROM token_entry WHERE processor_name = 'seamless-kafka-publisher'").update();

        try (ConfigurableApplicationContext v2Node = node(EventUpcasters.of(ROUTER_ADDRESS_EXCLUDED))) {
            AddressAssignment assigned = dispatcher(v2Node).<AddressAssignment>send(
                    new AllocateAddress("upgrade-net", "unit-a"), AUDIT).result();
            assertThat(assigned.address()).as("the pool was loaded from its creation as v2").isEqualTo("10.76.0.3");
            IpPoolCreated loaded = (IpPoolCreated) firstEvent(v2Node, "upgrade-net").getPayload();
            assertThat(loaded.excluded()).containsExactly("10.76.0.2");
            assertThat(loaded.capacity()).isEqualTo(252);

            assertRepublishedAsRecorded(awaitRecords("upgrade-net", 3));
            assertNewEventsAreStoredAtV2AndNotUpcastAgain(v2Node, store);
            assertTheChainVerifiesAgainstTheRecordedForm(v2Node);
        }
        assertThat(revisions(store, "upgrade-net")).containsExactly((String) null, null);
    }

    /** Published by the old node, then again by the new one, both times as recorded: v1, same data, same hash. */
    private static void assertRepublishedAsRecorded(List<ConsumerRecord<String, byte[]>> records) throws Exception {
        ConsumerRecord<String, byte[]> first = records.get(0);
        List<ConsumerRecord<String, byte[]>> creation = records.stream()
                .filter(r -> header(r, "ce_id").equals(header(first, "ce_id"))).toList();
        assertThat(creation).hasSize(2).allSatisfy(published -> {
            assertThat(header(published, "ce_type")).isEqualTo("io.seamless.ippool.IpPoolCreated.v1");
            assertThat(header(published, "ce_dataschema")).isEqualTo("ippool/IpPoolCreated.v1.schema.json");
            assertThat(header(published, "ce_hash")).isEqualTo(header(first, "ce_hash"));
            assertThat(JSON.readTree(published.value()).get("excluded")).isEmpty();
            assertThat(JSON.readTree(published.value()).get("capacity").asInt()).isEqualTo(253);
        });
        assertThat(records).noneMatch(r -> header(r, "ce_type").endsWith(".v2"));
        assertThat(records).anyMatch(r -> "io.seamless.ippool.AddressAllocated.v1".equals(header(r, "ce_type")));
    }

    private static void assertNewEventsAreStoredAtV2AndNotUpcastAgain(ConfigurableApplicationContext node,
                                                                      JdbcClient store) {
        dispatcher(node).send(new CreateIpPool("upgrade-new-net", "10.77.0.0/24", "10.77.0.1", List.of(), null,
                "calico", "u"), AUDIT);
        assertThat(revisions(store, "upgrade-new-net")).containsExactly("2");
        AddressAssignment assigned = dispatcher(node).<AddressAssignment>send(
                new AllocateAddress("upgrade-new-net", "unit-b"), AUDIT).result();
        assertThat(assigned.address()).isEqualTo("10.77.0.2");
        assertThat(((IpPoolCreated) firstEvent(node, "upgrade-new-net").getPayload()).excluded()).isEmpty();
    }

    /** Verification and the auditor's export check each event in the form its hash covers: the v1 creation as v1. */
    private static void assertTheChainVerifiesAgainstTheRecordedForm(ConfigurableApplicationContext node)
            throws Exception {
        JsonNode report = JSON.readTree(get(node, "/api/v1/audit/verify?ipPool=upgrade-net"));
        assertThat(report.get("intact").asBoolean()).as("verification report %s", report).isTrue();
        assertThat(report.get("events").asInt()).isEqualTo(2);

        JsonNode created = JSON.readTree(get(node, "/api/v1/audit/export?ipPool=upgrade-net").lines().findFirst()
                .orElseThrow());
        assertThat(created.get("attributes").get("type").asText()).isEqualTo("io.seamless.ippool.IpPoolCreated.v1");
        assertThat(created.get("data").get("excluded")).isEmpty();
        Map<String, String> attributes = new TreeMap<>();
        created.get("attributes").fields().forEachRemaining(field -> attributes.put(field.getKey(),
                field.getValue().asText()));
        assertThat(EventHashes.hash(attributes, created.get("data"))).isEqualTo(attributes.get("hash"));
    }

    private static DomainEventMessage<?> firstEvent(ConfigurableApplicationContext node, String aggregate) {
        return node.getBean(EventStore.class).readEvents(aggregate, 0).next();
    }

    private static List<String> revisions(JdbcClient store, String aggregate) {
        return store.sql("SELECT payload_revision FROM domain_event_entry WHERE aggregate_identifier = ?"
                + " ORDER BY sequence_number").param(aggregate).query((rows, row) -> rows.getString(1)).list();
    }

    private static CommandDispatcher dispatcher(ConfigurableApplicationContext node) {
        return node.getBean(CommandDispatcher.class);
    }

    /** A command node on the shared store; {@code upcasters} null: the product's registry, as a real node has. */
    private static ConfigurableApplicationContext node(EventUpcasters upcasters) {
        SpringApplicationBuilder node = new SpringApplicationBuilder(CommandSideTestApplication.class)
                .properties("server.port=0",
                        "spring.datasource.url=" + DATABASE,
                        "spring.kafka.bootstrap-servers=" + kafka.getBrokersAsString(),
                        "seamless.data-dir=target/test-data/version-upgrade",
                        "spring.jmx.enabled=false");
        if (upcasters != null) {
            node.initializers(context -> ((GenericApplicationContext) context)
                    .registerBean(EventUpcasters.class, () -> upcasters));
        }
        return node.run();
    }

    private static String get(ConfigurableApplicationContext node, String path) throws Exception {
        String port = node.getEnvironment().getProperty("local.server.port");
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Bearer " + CommandSideTestApplication.ADMIN_TOKEN).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as("GET %s: %s", path, response.body()).isEqualTo(200);
        return response.body();
    }

    /** The records of one pool on its topic, from offset 0, once there are at least {@code count}. */
    private static List<ConsumerRecord<String, byte[]>> awaitRecords(String pool, int count) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString(),
                ConsumerConfig.GROUP_ID_CONFIG, "upgrade-test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer =
                     new KafkaConsumer<>(config, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(TOPIC));
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (pool.equals(record.key())) {
                        records.add(record);
                    }
                });
                return records.size() >= count;
            });
        }
        return records;
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
