package io.seamless.projections.rebuild;

import io.seamless.projections.TestKafka;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

@Import(ProjectionRebuildPostgresTest.PostgresLifetime.class)
class ProjectionRebuildPostgresTest extends ProjectionRebuildContractTest {

    private static final EmbeddedPostgres POSTGRES = start();

    @DynamicPropertySource
    static void infrastructure(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("spring.datasource.url", () -> POSTGRES.getJdbcUrl("postgres", "postgres"));
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("seamless.projections.group-id", () -> "rebuild-postgres-test");
    }

    /**
     * The server closes with the context, after the consumers that use it stopped. Imported, not annotated: the
     * component scans of other tests' contexts must not find it.
     */
    static class PostgresLifetime {
        @Bean(destroyMethod = "close")
        EmbeddedPostgres embeddedPostgres() {
            return POSTGRES;
        }
    }

    private static EmbeddedPostgres start() {
        try {
            return EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
