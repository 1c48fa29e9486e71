package io.seamless.projections.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class ConsumerSettingsTest {

    @Test
    void theSettingsCorrectnessDependsOnCannotBeOverridden() {
        Map<String, Object> config = ConsumerSettings.kafkaConfig("kafka:9092", "seamless-projections",
                "seamless-projections-ippool", Map.of(
                        "enable.auto.commit", "true",
                        "isolation.level", "read_uncommitted",
                        "auto.offset.reset", "latest",
                        "group.id", "someone-else",
                        "value.deserializer", "org.apache.kafka.common.serialization.StringDeserializer",
                        "security.protocol", "SASL_SSL"));

        assertThat(config).containsOnly(
                entry("bootstrap.servers", "kafka:9092"),
                entry("group.id", "seamless-projections"),
                entry("client.id", "seamless-projections-ippool"),
                entry("enable.auto.commit", false),
                entry("isolation.level", "read_committed"),
                entry("auto.offset.reset", "earliest"),
                entry("security.protocol", "SASL_SSL"));
    }

    @Test
    void bootstrapServersComeFromSpringKafkaAsAStringOrAList() {
        assertThat(KafkaEnvironment.bootstrapServers(new MockEnvironment()))
                .isEqualTo("localhost:9092");
        assertThat(KafkaEnvironment.bootstrapServers(new MockEnvironment()
                .withProperty("spring.kafka.bootstrap-servers", "a:9092,b:9092")))
                .isEqualTo("a:9092,b:9092");
        assertThat(KafkaEnvironment.bootstrapServers(new MockEnvironment()
                .withProperty("spring.kafka.bootstrap-servers[0]", "a:9092")
                .withProperty("spring.kafka.bootstrap-servers[1]", "b:9092")))
                .isEqualTo("a:9092,b:9092");
    }

    @Test
    void additionalPropertiesFollowSpringKafkaWithConsumerPropertiesWinning() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("spring.kafka.properties.security.protocol", "SSL")
                .withProperty("spring.kafka.properties.sasl.mechanism", "PLAIN")
                .withProperty("spring.kafka.consumer.properties.security.protocol", "SASL_SSL");

        assertThat(KafkaEnvironment.additionalConsumerProperties(environment)).containsOnly(
                entry("security.protocol", "SASL_SSL"),
                entry("sasl.mechanism", "PLAIN"));
    }
}
