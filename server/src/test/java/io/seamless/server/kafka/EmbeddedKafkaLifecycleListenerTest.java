package io.seamless.server.kafka;

import static io.seamless.server.kafka.EmbeddedKafkaEnvironmentPostProcessor.BOOTSTRAP_SERVERS;
import static io.seamless.server.kafka.KafkaTestClients.isListening;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Runs real (non-web, no auto-configuration) Spring applications, so spring.factories is exercised too. */
class EmbeddedKafkaLifecycleListenerTest {

    @TempDir
    Path dataDir;

    @Test
    void exposesTheBrokerAndStopsItWhenTheContextCloses() {
        EmbeddedKafkaBroker broker;
        try (ConfigurableApplicationContext context = run(Empty.class, 0)) {
            broker = context.getBean(EmbeddedKafkaLifecycleListener.BEAN_NAME, EmbeddedKafkaBroker.class);
            assertThat(broker.isRunning()).isTrue();
            assertThat(context.getEnvironment().getProperty(BOOTSTRAP_SERVERS)).isEqualTo(broker.bootstrapServers());
            assertThat(broker.dataDir()).isEqualTo(dataDir.resolve("kafka").toAbsolutePath());
        }
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void contextsOnTheSameDataDirectoryShareOneBroker() {
        ConfigurableApplicationContext first = run(Empty.class, 0);
        EmbeddedKafkaBroker broker = first.getBean(EmbeddedKafkaBroker.class);
        try (ConfigurableApplicationContext second = run(Empty.class, 0)) {
            assertThat(second.getBean(EmbeddedKafkaBroker.class)).isSameAs(broker);
            first.close();
            assertThat(broker.isRunning()).isTrue();
        }
        assertThat(broker.isRunning()).isFalse();
    }

    @Test
    void stopsTheBrokerWhenTheApplicationFailsToStart() throws IOException {
        int port = freePort();

        assertThatThrownBy(() -> run(Failing.class, port)).hasRootCauseMessage("boom");

        assertThat(isListening(port)).isFalse();
    }

    private ConfigurableApplicationContext run(Class<?> configuration, int port) {
        return new SpringApplicationBuilder(configuration)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                // Arguments, not default properties: the server's application.yml outranks the latter.
                .run("--seamless.data-dir=" + dataDir, "--seamless.kafka.embedded.port=" + port);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Empty {
    }

    @Configuration(proxyBeanMethods = false)
    static class Failing {

        @Bean
        String failing() {
            throw new IllegalStateException("boom");
        }
    }
}
