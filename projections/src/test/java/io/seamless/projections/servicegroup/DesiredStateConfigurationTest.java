package io.seamless.projections.servicegroup;

import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.projections.ProjectionsTestApplication;
import io.seamless.projections.TestKafka;
import io.seamless.projections.support.ProjectionConsumer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.WebApplicationContextRunner;

/** The desired-state beans follow the projections role, like the rest of the module. */
class DesiredStateConfigurationTest {

    private final WebApplicationContextRunner contexts = new WebApplicationContextRunner()
            .withUserConfiguration(ProjectionsTestApplication.class)
            .withPropertyValues(
                    "spring.flyway.enabled=false",
                    "spring.kafka.bootstrap-servers=" + TestKafka.bootstrapServers(),
                    "seamless.projections.group-id=desired-state-role-test");

    @Test
    void withoutTheProjectionsRoleThereIsNoDesiredState() {
        contexts.withPropertyValues("seamless.roles=command").run(context -> {
            assertThat(context).hasNotFailed();
            assertThat(context).doesNotHaveBean(DesiredStateConfiguration.class);
            assertThat(context).doesNotHaveBean(DesiredStatePublisher.class);
            assertThat(context).doesNotHaveBean(ServiceGroupRepository.class);
            assertThat(context).doesNotHaveBean(ServiceGroupQueryController.class);
        });
    }

    @Test
    void theProjectionsRoleRunsTheConsumerThePublisherAndTheQueries() {
        contexts.withPropertyValues("seamless.roles=projections").run(context -> {
            assertThat(context.getBean("desiredStateProjectionConsumer", ProjectionConsumer.class).isRunning())
                    .isTrue();
            assertThat(context.getBean(DesiredStatePublisher.class).isRunning()).isTrue();
            assertThat(context).hasSingleBean(ServiceGroupQueryController.class);
            assertThat(context).hasSingleBean(DesiredStateRepository.class);
        });
    }
}
