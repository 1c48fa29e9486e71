package io.seamless.projections.servicegroup;

import static io.seamless.projections.servicegroup.ServiceGroupEventFixtures.envelope;
import static io.seamless.projections.servicegroup.ServiceGroupEventFixtures.id;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamless.projections.servicegroup.GroupState.Status;
import io.seamless.projections.servicegroup.GroupState.Unit;
import io.seamless.projections.servicegroup.ServiceGroupEvents.GroupEvent;
import io.seamless.projections.servicegroup.ServiceGroupEvents.ServiceGroupCreated;
import io.seamless.projections.support.MalformedEventException;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

/** The fold of the public service group events, read from their JSON as the consumer hands it over. */
class GroupStateTest {

    private static final String GROUP = "orders-db";

    private final ServiceGroupEventFixtures events = new ServiceGroupEventFixtures("sg", "pools", "clusters");

    @Test
    void aCreatedGroupWaitsForAddressesWithTheFirstMemberAsPrimary() {
        GroupState state = created(3, 2);

        assertThat(state.status()).isEqualTo(Status.PROVISIONING);
        assertThat(state.pendingOperation()).isEqualTo("op-create");
        assertThat(state.primary()).isEqualTo(id(GROUP, "mysqld", 0));
        assertThat(state.units()).hasSize(5).allSatisfy(unit -> assertThat(unit.address()).isNull());
        assertThat(state.pools()).containsExactly("orders-net");
        assertThat(state.clusters()).containsExactly("bj-1", "bj-2");
        assertThat(GroupState.created((ServiceGroupCreated) read(events.created(GROUP, 0, "op", "p", 3, 1)), null)
                .primary()).isNull();
    }

    @Test
    void addressesMakeItReady() {
        GroupState state = created(3, 2);

        apply(state, events.assigned(GROUP, 1, "op-create", Map.of(id(GROUP, "mysqld", 0), "10.0.0.10")));

        assertThat(state.status()).isEqualTo(Status.READY);
        assertThat(state.pendingOperation()).isNull();
        assertThat(state.units()).extracting(Unit::address).containsOnlyOnce("10.0.0.10");
    }

    @Test
    void aFailedCreationLeavesTheGroupFailedAndItsUnitsInPlace() {
        GroupState state = created(3, 2);

        apply(state, events.failed(GROUP, 1, "op-create", "no address left"));

        assertThat(state.status()).isEqualTo(Status.FAILED);
        assertThat(state.units()).hasSize(5);
    }

    @Test
    void aFailedScaleOutDropsTheUnitsWithoutAddressAndResetsTheReplicas() {
        GroupState state = ready();
        apply(state, events.scaledOut(GROUP, 2, "op-out", "router", 2, 4));
        assertThat(state.status()).isEqualTo(Status.PROVISIONING);
        assertThat(state.services().get("router").replicas()).isEqualTo(4);

        apply(state, events.failed(GROUP, 3, "op-out", "no address left"));

        assertThat(state.status()).isEqualTo(Status.READY);
        assertThat(state.units()).hasSize(5).allSatisfy(unit -> assertThat(unit.address()).isNotNull());
        assertThat(state.services().get("router").replicas()).isEqualTo(2);
        assertThat(state.services().get("mysqld").replicas()).isEqualTo(3);
    }

    @Test
    void scaleInRemovesTheUnitsEvenThoseThatNeverHadAnAddress() {
        GroupState state = ready();
        Map<String, String> removed = new HashMap<>();
        removed.put(id(GROUP, "router", 1), null);

        apply(state, events.scaledIn(GROUP, 2, "op-in", "router", 1, removed));

        assertThat(state.units()).extracting(Unit::id).doesNotContain(id(GROUP, "router", 1)).hasSize(4);
        assertThat(state.services().get("router").replicas()).isEqualTo(1);
    }

    @Test
    void parametersAreMergedOverTheServicesConfiguration() {
        GroupState state = ready();

        apply(state, events.reconfigured(GROUP, 2, "op-tune", "mysqld", Map.of("innodb_buffer_pool_size", "6G")));

        assertThat(state.services().get("mysqld").config())
                .containsExactly(Map.entry("innodb_buffer_pool_size", "6G"), Map.entry("max_connections", "500"));
    }

    @Test
    void stopAndStartToggleTheStatusAndASwitchoverMovesThePrimary() {
        GroupState state = ready();

        apply(state, events.stopped(GROUP, 2, "op-stop"));
        assertThat(state.status()).isEqualTo(Status.STOPPED);
        apply(state, events.group(GROUP, 3, "ServiceGroupStarted", Map.of("group", GROUP, "operationId", "op-start")));
        apply(state, events.group(GROUP, 4, "PrimarySwitchedOver", Map.of("group", GROUP, "operationId", "op-sw",
                "fromUnit", id(GROUP, "mysqld", 0), "toUnit", id(GROUP, "mysqld", 2))));

        assertThat(state.status()).isEqualTo(Status.READY);
        assertThat(state.primary()).isEqualTo(id(GROUP, "mysqld", 2));
    }

    @Test
    void theStoredJsonFoldsBackToTheSameState() {
        GroupState state = ready();
        String json = ServiceGroupRepository.toJson(state);

        assertThat(ServiceGroupRepository.toJson(ServiceGroupRepository.fromJson(json))).isEqualTo(json);
    }

    @Test
    void eventsThatCannotBeReadAreMalformedAndUnknownTypesAreNotRead() {
        assertThatThrownBy(() -> read(events.group(GROUP, 1, "OperationFailed",
                Map.of("group", GROUP, "operationId", "op"))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("reason");
        assertThatThrownBy(() -> read(events.group("other-db", 1, "ServiceGroupStopped",
                Map.of("group", GROUP, "operationId", "op"))))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("ce_subject");
        assertThat(ServiceGroupEvents.read(envelope(events.group(GROUP, 1, "ServiceGroupRenamed",
                Map.of("group", GROUP, "operationId", "op"))))).isEmpty();
    }

    private GroupState ready() {
        GroupState state = created(3, 2);
        apply(state, events.assigned(GROUP, 1, "op-create", DesiredStateProjectionContractTest.ADDRESSES));
        return state;
    }

    private GroupState created(int members, int routers) {
        return GroupState.created((ServiceGroupCreated) read(events.created(GROUP, 0, "op-create", "orders-net",
                members, routers)), "mysqld");
    }

    private static void apply(GroupState state, ProducerRecord<String, byte[]> record) {
        state.apply(read(record));
    }

    private static GroupEvent read(ProducerRecord<String, byte[]> record) {
        return ServiceGroupEvents.read(envelope(record)).orElseThrow();
    }
}
