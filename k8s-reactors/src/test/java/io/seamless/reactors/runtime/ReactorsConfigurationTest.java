package io.seamless.reactors.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The role switch and the settings as an operator writes them. */
class ReactorsConfigurationTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(ReactorsConfiguration.class)
            // The runtime starts with the context: no broker there, nothing to find, and nothing it could disturb.
            .withPropertyValues("spring.kafka.bootstrap-servers=127.0.0.1:1");

    @Test
    void theRoleRunsByDefaultWithASandboxForEveryClusterAndClientGoLeaseTimings() {
        context.run(started -> {
            assertThat(started).hasSingleBean(ReactorsRuntime.class);
            ReactorsProperties properties = started.getBean(ReactorsProperties.class);
            assertThat(properties.namespace()).isEqualTo("seamless");
            assertThat(properties.sandbox().enabled()).isTrue();
            assertThat(properties.clusters()).isEmpty();
            assertThat(properties.resync()).isEqualTo(Duration.ofMinutes(5));
            assertThat(properties.lease().timing().leaseDuration()).isEqualTo(Duration.ofSeconds(15));
        });
    }

    @Test
    void aProcessWithoutTheReactorsRoleHasNoReactor() {
        context.withPropertyValues("seamless.roles=command,projections")
                .run(started -> assertThat(started).doesNotHaveBean(ReactorsRuntime.class));
    }

    @Test
    void realClustersAreNamedWithTheirKubeconfigAndContext() {
        context.withPropertyValues("seamless.roles=reactors", "seamless.reactors.namespace=db",
                "seamless.reactors.sandbox.enabled=false",
                "seamless.reactors.clusters.bj-1.kubeconfig=/etc/seamless/bj-1.kubeconfig",
                "seamless.reactors.clusters.bj-1.context=admin@bj-1", "seamless.reactors.lease.duration=30s")
                .run(started -> {
                    ReactorsProperties properties = started.getBean(ReactorsProperties.class);
                    assertThat(properties.namespace()).isEqualTo("db");
                    assertThat(properties.sandbox().enabled()).isFalse();
                    assertThat(properties.clusters().get("bj-1")).isEqualTo(new ReactorsProperties.RealCluster(
                            Path.of("/etc/seamless/bj-1.kubeconfig"), "admin@bj-1"));
                    assertThat(properties.lease().duration()).isEqualTo(Duration.ofSeconds(30));
                    assertThat(properties.lease().retryPeriod()).isEqualTo(Duration.ofSeconds(2));
                });
    }
}
