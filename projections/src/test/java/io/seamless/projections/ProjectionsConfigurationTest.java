package io.seamless.projections;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.projections.cluster.ClusterRepository;
import io.seamless.projections.ippool.IpPoolRepository;
import io.seamless.projections.support.ProjectionConsumer;
import io.seamless.projections.support.ProjectionSchema;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;
import org.springframework.web.bind.annotation.RestController;

/** The role switch: the whole module, scanned controller included, exists only in a projections process. */
class ProjectionsConfigurationTest {

    private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
            .withUserConfiguration(ProjectionsTestApplication.class)
            .withPropertyValues(
                    "spring.flyway.enabled=false",
                    "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                    "seamless.projections.group-id=role-switch-test");

    @Test
    void aProcessWithoutTheProjectionsRoleHasNoneOfItsBeans() {
        contexts.withPropertyValues("seamless.roles=command, reactors").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(ProjectionsConfiguration.class);
            assertThat(context).doesNotHaveBean(ProjectionSchema.class);
            assertThat(context).doesNotHaveBean(IpPoolRepository.class);
            assertThat(context).doesNotHaveBean(ClusterRepository.class);
            assertThat(context).doesNotHaveBean(ProjectionConsumer.class);
            // Other modules' endpoints (API tokens, OpenAPI) may be there; none of the projections'.
            assertThat(context.getBeansWithAnnotation(RestController.class).values())
                    .noneMatch(controller -> controller.getClass().getName().startsWith("io.seamless.projections."));
        });
    }

    @Test
    void theProjectionsRoleIsOnByDefault() {
        contexts.run(context -> {
            assertThat(context).hasSingleBean(ProjectionSchema.class);
            assertThat(context).hasSingleBean(IpPoolRepository.class);
            assertThat(context).hasSingleBean(ClusterRepository.class);
            assertThat(context.getBeansOfType(ProjectionConsumer.class))
                    .containsKeys("ipPoolProjectionConsumer", "clusterProjectionConsumer")
                    .allSatisfy((name, consumer) -> assertThat(consumer.isRunning()).as(name).isTrue());
            assertThat(context.getBeanNamesForAnnotation(RestController.class))
                    .contains("ipPoolQueryController", "clusterQueryController");
        });
    }

    @Test
    void theProjectionsRoleAloneIsEnough() {
        contexts.withPropertyValues("seamless.roles=projections").run(context -> {
            assertThat(context.getBeansOfType(ProjectionConsumer.class))
                    .containsKeys("ipPoolProjectionConsumer", "clusterProjectionConsumer");
            assertThat(context.getBeanNamesForAnnotation(RestController.class))
                    .contains("ipPoolQueryController", "clusterQueryController");
        });
    }

    @Test
    void propertiesHaveTheirDocumentedDefaults() {
        ProjectionsProperties defaults = new Binder(new MapConfigurationPropertySource())
                .bindOrCreate("seamless.projections", ProjectionsProperties.class);

        assertThat(defaults).isEqualTo(new ProjectionsProperties("seamless-projections", Duration.ofMillis(200),
                Duration.ofSeconds(1), Duration.ofSeconds(30)));
    }
}
