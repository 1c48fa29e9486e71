package io.seamless.projections.servicegroup;

import static io.seamless.projections.servicegroup.ServiceGroupEventFixtures.envelope;
import static org.assertj.core.api.Assertions.assertThat;

import io.seamless.projections.servicegroup.OperationView.State;
import io.seamless.projections.servicegroup.ServiceGroupEvents.GroupEvent;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

class OperationViewTest {

    private static final String GROUP = "orders-db";
    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private final ServiceGroupEventFixtures events = new ServiceGroupEventFixtures("sg", "pools", "clusters");

    @Test
    void aCreationProvisionsUntilItsAddressesAreAssigned() {
        OperationView accepted = OperationView.next(null, read(events.created(GROUP, 0, "op-1", "net", 3, 1)), 0, T0);
        assertThat(accepted).isEqualTo(new OperationView(GROUP, "op-1", "Create", State.Provisioning, null, T0, T0,
                null, List.of(0L)));

        OperationView done = OperationView.next(accepted, read(events.assigned(GROUP, 1, "op-1",
                Map.of("orders-db-mysqld-0", "10.0.0.1"))), 1, T0.plusSeconds(5));

        assertThat(done).isEqualTo(new OperationView(GROUP, "op-1", "Create", State.Succeeded, null, T0,
                T0.plusSeconds(5), T0.plusSeconds(5), List.of(0L, 1L)));
    }

    @Test
    void aScaleOutThatFailsKeepsItsReason() {
        OperationView scaling = OperationView.next(null, read(events.scaledOut(GROUP, 4, "op-2", "router", 1, 2)), 4,
                T0);
        assertThat(scaling.state()).isEqualTo(State.Provisioning);

        OperationView failed = OperationView.next(scaling, read(events.failed(GROUP, 5, "op-2", "pool exhausted")), 5,
                T0.plusSeconds(1));

        assertThat(failed).extracting(OperationView::type, OperationView::state, OperationView::reason,
                        OperationView::finishedAt, OperationView::sequences)
                .containsExactly("ScaleOut", State.Failed, "pool exhausted", T0.plusSeconds(1), List.of(4L, 5L));
    }

    @Test
    void everyOtherOperationSucceedsWithItsEventUntilReactorsReportConvergence() {
        OperationView stop = OperationView.next(null, read(events.stopped(GROUP, 7, "op-3")), 7, T0);
        OperationView tune = OperationView.next(null, read(events.reconfigured(GROUP, 8, "op-4", "mysqld",
                Map.of("max_connections", "900"))), 8, T0);

        assertThat(stop).extracting(OperationView::type, OperationView::state, OperationView::finishedAt)
                .containsExactly("Stop", State.Succeeded, T0);
        assertThat(tune.type()).isEqualTo("Reconfigure");
        assertThat(OperationView.onRecorded("Delete")).isEqualTo(State.Succeeded);
    }

    private static GroupEvent read(ProducerRecord<String, byte[]> record) {
        return ServiceGroupEvents.read(envelope(record)).orElseThrow();
    }
}
