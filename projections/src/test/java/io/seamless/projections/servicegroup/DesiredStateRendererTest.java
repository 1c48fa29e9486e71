package io.seamless.projections.servicegroup;

import static io.seamless.projections.servicegroup.ServiceGroupEventFixtures.envelope;
import static io.seamless.projections.servicegroup.ServiceGroupEventFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.domain.engine.EngineCatalogue;
import io.seamless.projections.servicegroup.DesiredStateDocument.UnitDocument;
import io.seamless.projections.servicegroup.DesiredStateRenderer.ClusterFacts;
import io.seamless.projections.servicegroup.DesiredStateRenderer.PoolFacts;
import io.seamless.projections.servicegroup.DesiredStateRenderer.Rendering;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceGroupCreated;
import io.seamless.schemas.DesiredStateSchema;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** Rendering with the engine catalogue Seamless ships, from states folded out of the public events. */
class DesiredStateRendererTest {

    private static final String GROUP = "orders-db";
    private static final Map<String, PoolFacts> POOLS = Map.of("orders-net",
            new PoolFacts("kube-ovn", "subnet-a", 24));
    private static final Map<String, ClusterFacts> CLUSTERS = Map.of("bj-1", new ClusterFacts("beijing", "a"));
    private static final DesiredStateSchema SCHEMA = DesiredStateSchema.load();

    private final ServiceGroupEventFixtures events = new ServiceGroupEventFixtures("sg", "pools", "clusters");
    private final DesiredStateRenderer renderer = new DesiredStateRenderer(EngineCatalogue.standard());

    @Test
    void unitsWithoutAnAddressAreListedWithoutConfigurationAndWithWhatIsKnownOfTheirPlacement() {
        GroupState state = created();

        DesiredStateDocument document = render(state, 0);

        assertThat(document.status()).isEqualTo("PROVISIONING");
        UnitDocument member = document.units().get(0);
        assertThat(member.address()).isNull();
        assertThat(member.config()).isNull();
        assertThat(member.networking()).isEqualTo(new DesiredStateDocument.NetworkingDocument("kube-ovn", "subnet-a",
                null, 24));
        assertThat(member.site()).isEqualTo("beijing");
        assertThat(document.units().get(1).site()).as("bj-2 is not known yet").isNull();
        assertThat(document.units()).extracting(UnitDocument::image).containsExactly("mysql/mysql-server:8.0.36",
                "mysql/mysql-server:8.0.36", "mysql/mysql-server:8.0.36", "mysql/mysql-router:8.0.36");
    }

    @Test
    void aPoolRecordedWithoutItsPrefixLengthGivesNetworkingWithoutIt() {
        Rendering rendering = renderer.render(created(), 0,
                Map.of("orders-net", new PoolFacts("macvlan", "net-a", null)), CLUSTERS);

        assertThat(rendering.document().units().get(0).networking())
                .isEqualTo(new DesiredStateDocument.NetworkingDocument("macvlan", "net-a", null, null));
        assertThat(new String(DesiredStateRenderer.toJson(rendering.document()), StandardCharsets.UTF_8))
                .doesNotContain("prefixLength");
        assertThat(SCHEMA.validate(PublishedDocuments.json(DesiredStateRenderer.toJson(rendering.document()))))
                .isEmpty();
    }

    @Test
    void membersKeepTheirFilesWhileNewUnitsWaitForAddresses() {
        GroupState state = created();
        state.apply(ServiceGroupEvents.read(envelope(events.assigned(GROUP, 1, "op-create", Map.of(
                id(GROUP, "mysqld", 0), "10.0.0.10", id(GROUP, "mysqld", 1), "10.0.0.11",
                id(GROUP, "mysqld", 2), "10.0.0.12", id(GROUP, "router", 0), "10.0.0.20")))).orElseThrow());
        DesiredStateDocument before = render(state, 1);

        state.apply(ServiceGroupEvents.read(envelope(events.scaledOut(GROUP, 2, "op-out", "mysqld", 3, 5)))
                .orElseThrow());
        DesiredStateDocument during = render(state, 2);

        assertThat(during.units()).hasSize(6);
        assertThat(during.units().subList(0, 3)).extracting(UnitDocument::config)
                .isEqualTo(before.units().subList(0, 3).stream().map(UnitDocument::config).toList());
        assertThat(during.units().get(3).config()).isNull();
        assertThat(during.units().get(5).id()).isEqualTo(id(GROUP, "router", 0));
    }

    @Test
    void aStoppedGroupSaysSo() {
        GroupState state = created();
        state.apply(ServiceGroupEvents.read(envelope(events.stopped(GROUP, 1, "op-stop"))).orElseThrow());

        DesiredStateDocument document = render(state, 1);

        assertThat(document.status()).isEqualTo("STOPPED");
        assertThat(document.stopped()).isTrue();
    }

    @Test
    void equalStatesAreEqualBytes() {
        byte[] first = DesiredStateRenderer.toJson(render(created(), 0));
        byte[] second = DesiredStateRenderer.toJson(render(created(), 0));

        assertThat(second).isEqualTo(first);
        assertThat(DesiredStateRenderer.hash(first)).hasSize(64).isEqualTo(DesiredStateRenderer.hash(second));
        assertThat(SCHEMA.validate(PublishedDocuments.json(first))).isEmpty();
    }

    @Test
    void anEngineTheCatalogueDoesNotHaveIsNotRendered() {
        Rendering rendering = new DesiredStateRenderer(new EngineCatalogue(List.of())).render(created(), 0, POOLS,
                CLUSTERS);

        assertThat(rendering.document()).isNull();
        assertThat(rendering.error()).contains("mysql innodb-cluster 8.0.36 cannot be rendered", "unknown engine");
    }

    private DesiredStateDocument render(GroupState state, long version) {
        Rendering rendering = renderer.render(state, version, POOLS, CLUSTERS);
        assertThat(rendering.error()).isNull();
        assertThat(SCHEMA.validate(PublishedDocuments.json(DesiredStateRenderer.toJson(rendering.document()))))
                .isEmpty();
        return rendering.document();
    }

    private GroupState created() {
        ProducerRecord<String, byte[]> record = events.created(GROUP, 0, "op-create", "orders-net", 3, 1);
        return GroupState.created((ServiceGroupCreated) ServiceGroupEvents.read(envelope(record)).orElseThrow(),
                "mysqld");
    }
}
