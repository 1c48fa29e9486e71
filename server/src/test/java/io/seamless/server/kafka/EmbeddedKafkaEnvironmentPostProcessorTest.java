package io.seamless.server.kafka;

import static io.seamless.server.kafka.EmbeddedKafkaEnvironmentPostProcessor.BOOTSTRAP_SERVERS;
import static io.seamless.server.kafka.EmbeddedKafkaEnvironmentPostProcessor.PROPERTY_SOURCE_NAME;
import static io.seamless.server.kafka.KafkaTestClients.TIMEOUT;
import static io.seamless.server.kafka.KafkaTestClients.isListening;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.Node;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

class EmbeddedKafkaEnvironmentPostProcessorTest {

    @TempDir
    Path dataDir;

    private final SpringApplication application = new SpringApplication();
    private final EmbeddedKafkaEnvironmentPostProcessor processor =
            new EmbeddedKafkaEnvironmentPostProcessor(Supplier::get);

    @AfterEach
    void stopBroker() {
        EmbeddedKafkaHolder.releaseUnclaimed(application);
    }

    @Test
    void startsTheBrokerAndSetsBootstrapServersWhenAbsent() throws Exception {
        MockEnvironment environment = environment();

        processor.postProcessEnvironment(environment, application);

        String bootstrap = environment.getProperty(BOOTSTRAP_SERVERS);
        assertThat(bootstrap).matches("127\\.0\\.0\\.1:\\d+").isNotEqualTo("127.0.0.1:0");
        assertThat(dataDir.resolve("kafka").resolve("meta.properties")).exists();
        assertThat(environment.getProperty("logging.level.kafka")).isEqualTo("WARN");
        assertThat(clusterNodes(bootstrap)).extracting(Node::id).containsExactly(1);

        EmbeddedKafkaHolder.releaseUnclaimed(application);
        assertThat(isListening(Integer.parseInt(bootstrap.substring(bootstrap.indexOf(':') + 1)))).isFalse();
    }

    @Test
    void leavesConfiguredLoggingLevelsAlone() {
        MockEnvironment environment = environment().withProperty("logging.level.kafka", "DEBUG");

        processor.postProcessEnvironment(environment, application);

        assertThat(environment.getProperty("logging.level.kafka")).isEqualTo("DEBUG");
    }

    @Test
    void doesNothingWhenBootstrapServersAreSet() {
        MockEnvironment environment = environment().withProperty(BOOTSTRAP_SERVERS, "kafka.example:9093");

        processor.postProcessEnvironment(environment, application);

        assertThat(environment.getProperty(BOOTSTRAP_SERVERS)).isEqualTo("kafka.example:9093");
        assertNothingStarted(environment);
    }

    @Test
    void doesNothingWhenBootstrapServersAreSetAsAList() {
        MockEnvironment environment = environment().withProperty(BOOTSTRAP_SERVERS + "[0]", "kafka.example:9093");

        processor.postProcessEnvironment(environment, application);

        assertNothingStarted(environment);
    }

    @Test
    void doesNothingWhenDisabled() {
        MockEnvironment environment = environment().withProperty("seamless.kafka.embedded.enabled", "false");

        processor.postProcessEnvironment(environment, application);

        assertNothingStarted(environment);
    }

    @Test
    void worksOnAStandardEnvironment() {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("test",
                Map.of("seamless.data-dir", dataDir.toString(), "seamless.kafka.embedded.port", "0")));

        processor.postProcessEnvironment(environment, application);

        assertThat(environment.getProperty(BOOTSTRAP_SERVERS)).startsWith("127.0.0.1:");
    }

    private MockEnvironment environment() {
        return new MockEnvironment()
                .withProperty("seamless.data-dir", dataDir.toString())
                .withProperty("seamless.kafka.embedded.port", "0");
    }

    private void assertNothingStarted(MockEnvironment environment) {
        assertThat(environment.getPropertySources().contains(PROPERTY_SOURCE_NAME)).isFalse();
        assertThat(dataDir.resolve("kafka")).doesNotExist();
        assertThat(EmbeddedKafkaHolder.claim(application)).isNull();
    }

    private static Collection<Node> clusterNodes(String bootstrap) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            return admin.describeCluster().nodes().get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }
    }
}
