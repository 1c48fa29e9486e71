package io.seamless.projections.rebuild;

import io.seamless.projections.TestKafka;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class ProjectionRebuildH2Test extends ProjectionRebuildContractTest {

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("spring.datasource.url", () -> "jdbc:h2:mem:projection-rebuild;DB_CLOSE_DELAY=-1");
        registry.add("seamless.projections.group-id", () -> "rebuild-h2-test");
    }
}
