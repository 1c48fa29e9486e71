package io.seamless.projections.servicegroup;

import static io.seamless.projections.servicegroup.ServiceGroupEventFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.domain.engine.ConfigFile;
import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.domain.engine.EngineTemplate;
import io.seamless.domain.engine.FunctionType;
import io.seamless.domain.engine.GroupLayout;
import io.seamless.domain.engine.GroupShape;
import io.seamless.domain.engine.ShardRule;
import io.seamless.projections.servicegroup.DesiredStateRepository.StoredDocument;
import io.seamless.projections.support.ApplyOutcome;
import io.seamless.projections.support.ProjectionSchema;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The projector on H2 without a broker: what each kind of event does to the read model, and when it wakes. */
class DesiredStateProjectorTest {

    private static final String GROUP = "orders-db";

    private final ServiceGroupEventFixtures events = new ServiceGroupEventFixtures("sg", "pools", "clusters");
    private final AtomicInteger wakes = new AtomicInteger();
    private final JdbcDataSource dataSource = h2();
    private final ServiceGroupRepository groups = new ServiceGroupRepository(JdbcClient.create(dataSource));
    private final DesiredStateRepository documents = new DesiredStateRepository(JdbcClient.create(dataSource));
    private final TransactionTemplate transactions = new TransactionTemplate(
            new DataSourceTransactionManager(dataSource));

    @Test
    void aStateThatCannotBeRenderedKeepsTheLastDocumentAndSaysWhy() {
        DesiredStateProjector projector = projector(new EngineCatalogue(List.of(new RefusingTemplate())));
        apply(projector, events.created(GROUP, 0, "op-create", "orders-net", 3, 1),
                events.assigned(GROUP, 1, "op-create", DesiredStateProjectionContractTest.ADDRESSES));
        StoredDocument rendered = documents.findDocument(GROUP).orElseThrow();

        apply(projector, events.reconfigured(GROUP, 2, "op-bad", "mysqld", Map.of("refuse", "yes")));

        StoredDocument kept = documents.findDocument(GROUP).orElseThrow();
        assertThat(kept.version()).isEqualTo(1);
        assertThat(kept.document()).isEqualTo(rendered.document());
        assertThat(kept.renderError()).contains("refused by the test template");
        assertThat(groups.findActiveGroup(GROUP)).get().satisfies(group -> {
            assertThat(group.version()).isEqualTo(2);
            assertThat(group.renderError()).contains("refused by the test template");
        });

        apply(projector, events.reconfigured(GROUP, 3, "op-fix", "mysqld", Map.of("refuse", "no")));

        assertThat(documents.findDocument(GROUP)).get()
                .extracting(StoredDocument::version, StoredDocument::renderError).containsExactly(3L, null);
    }

    @Test
    void aGroupOfAnEngineTheCatalogueDoesNotHaveIsRecordedWithoutDocument() {
        DesiredStateProjector projector = projector(new EngineCatalogue(List.of()));

        apply(projector, events.created(GROUP, 0, "op-create", "orders-net", 3, 1));

        assertThat(groups.isActive(GROUP)).isTrue();
        assertThat(documents.findDocument(GROUP)).get().satisfies(document -> {
            assertThat(document.document()).isNull();
            assertThat(document.hash()).isNull();
            assertThat(document.renderError()).contains("unknown engine 'mysql'");
        });
        assertThat(documents.unpublished(10)).isEmpty();
    }

    @Test
    void eachKindOfEventHasItsOutcome() {
        DesiredStateProjector projector = projector(EngineCatalogue.standard());
        ProducerRecord<String, byte[]> created = events.created(GROUP, 0, "op-create", "orders-net", 3, 1);

        assertThat(apply(projector, created)).isEqualTo(ApplyOutcome.APPLIED);
        assertThat(apply(projector, created)).isEqualTo(ApplyOutcome.ALREADY_APPLIED);
        assertThat(apply(projector, events.created(GROUP, 4, "op-again", "orders-net", 3, 1)))
                .isEqualTo(ApplyOutcome.REJECTED);
        assertThat(apply(projector, events.stopped("nobody-db", 1, "op"))).isEqualTo(ApplyOutcome.REJECTED);
        assertThat(apply(projector, events.group(GROUP, 1, "ServiceGroupRenamed", Map.of("group", GROUP))))
                .isEqualTo(ApplyOutcome.UNKNOWN_TYPE);
        assertThat(apply(projector, events.poolCreated("orders-net", "10.20.0.0/24", "calico")))
                .isEqualTo(ApplyOutcome.APPLIED);
        assertThat(apply(projector, events.poolCreated("orders-net", "10.20.0.0/24", "calico")))
                .isEqualTo(ApplyOutcome.ALREADY_APPLIED);
        assertThat(apply(projector, events.addressAllocated("orders-net", 1, "u", "10.20.0.10")))
                .isEqualTo(ApplyOutcome.IGNORED);
        assertThat(apply(projector, events.clusterCordoned("bj-1", 1))).isEqualTo(ApplyOutcome.IGNORED);
    }

    @Test
    void thePublisherIsWokenOnceACommittedTransactionChangedDocumentsAndNeverAfterARollback() {
        DesiredStateProjector projector = projector(EngineCatalogue.standard());

        transactions.executeWithoutResult(status -> {
            apply(projector, events.created(GROUP, 0, "op-create", "orders-net", 3, 1));
            apply(projector, events.created("cache-db", 0, "op-c", "orders-net", 3, 1));
            status.setRollbackOnly();
        });
        assertThat(wakes).hasValue(0);
        assertThat(groups.isActive(GROUP)).isFalse();

        transactions.executeWithoutResult(status -> {
            apply(projector, events.created(GROUP, 0, "op-create", "orders-net", 3, 1));
            apply(projector, events.created("cache-db", 0, "op-c", "orders-net", 3, 1));
            assertThat(wakes).as("not before the commit").hasValue(0);
        });
        assertThat(wakes).hasValue(1);
        assertThat(documents.unpublished(10)).extracting(StoredDocument::group).containsExactly("cache-db", GROUP);
    }

    private DesiredStateProjector projector(EngineCatalogue catalogue) {
        return new DesiredStateProjector(groups, documents, catalogue, wakes::incrementAndGet);
    }

    @SafeVarargs
    private static ApplyOutcome apply(DesiredStateProjector projector, ProducerRecord<String, byte[]>... records) {
        ApplyOutcome last = null;
        for (ProducerRecord<String, byte[]> record : records) {
            last = projector.apply(envelope(record));
        }
        return last;
    }

    private static JdbcDataSource h2() {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:projector-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        new ProjectionSchema(dataSource).migrate();
        return dataSource;
    }

    /** MySQL InnoDB Cluster as shipped, except that it refuses to render a service configured with refuse=yes. */
    private static final class RefusingTemplate implements EngineTemplate {

        private final EngineTemplate real = EngineCatalogue.standard().template("mysql", "innodb-cluster");

        @Override
        public Map<String, List<ConfigFile>> render(GroupLayout layout) {
            if (layout.overrides().values().stream().anyMatch(config -> "yes".equals(config.get("refuse")))) {
                throw new IllegalArgumentException("refused by the test template");
            }
            return real.render(layout);
        }

        @Override
        public String engine() {
            return real.engine();
        }

        @Override
        public String topology() {
            return real.topology();
        }

        @Override
        public List<FunctionType> functionTypes() {
            return real.functionTypes();
        }

        @Override
        public ShardRule shards() {
            return real.shards();
        }

        @Override
        public boolean hasPrimary() {
            return real.hasPrimary();
        }

        @Override
        public void validate(GroupShape shape) {
            real.validate(shape);
        }

        @Override
        public void validateUpgrade(String fromVersion, String toVersion) {
            real.validateUpgrade(fromVersion, toVersion);
        }

        @Override
        public String image(String functionType, String version) {
            return real.image(functionType, version);
        }
    }
}
