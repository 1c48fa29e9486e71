package io.seamless.domain.servicegroup;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.servicegroup.ServiceGroupCommands.RecordObservation;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ObservationRecorded;
import io.seamless.domain.servicegroup.ServiceGroupEvent.ServiceGroupCreated;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Observations become events only when they are news. */
class ServiceGroupObservationTest {

    private static final String GROUP = "cache";
    private static final String UNIT = "cache-redis-0";
    private static final Instant AT = Instant.parse("2026-11-25T10:00:00Z");

    private AggregateTestFixture<ServiceGroup> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(ServiceGroup.class);
    }

    @Test
    void aStatusIsRecordedWhenItChangesAndNotWhenItRepeats() {
        fixture.given(created()).when(observe(UNIT, "UNIT_READY")).expectEvents(recorded(UNIT, "UNIT_READY"));
        fixture.given(created(), recorded(UNIT, "UNIT_READY")).when(observe(UNIT, "UNIT_READY")).expectNoEvents();
        fixture.given(created(), recorded(UNIT, "UNIT_READY")).when(observe(UNIT, "UNIT_NOT_READY"))
                .expectEvents(recorded(UNIT, "UNIT_NOT_READY"));
    }

    @Test
    void anAddressIsBoundOncePerPodAndDriftIsAlwaysNews() {
        fixture.given(created(), recorded(UNIT, "ADDRESS_BOUND")).when(observe(UNIT, "ADDRESS_BOUND"))
                .expectNoEvents();
        fixture.given(created(), recorded(UNIT, "ADDRESS_BOUND"), recorded(UNIT, "POD_GONE"))
                .when(observe(UNIT, "ADDRESS_BOUND")).expectEvents(recorded(UNIT, "ADDRESS_BOUND"));
        fixture.given(created(), recorded(null, "DRIFT_CORRECTED")).when(observe(null, "DRIFT_CORRECTED"))
                .expectEvents(recorded(null, "DRIFT_CORRECTED"));
    }

    @Test
    void anUnknownObservationOrAUnitObservationWithoutUnitIsRefused() {
        fixture.given(created()).when(observe(UNIT, "UNIT_EXPLODED")).expectException(DomainException.class)
                .expectNoEvents();
        fixture.given(created()).when(observe(null, "UNIT_READY")).expectException(DomainException.class);
    }

    private static RecordObservation observe(String unit, String observation) {
        return new RecordObservation(GROUP, "bj-1", unit, observation, "Because", "a message", AT);
    }

    private static ObservationRecorded recorded(String unit, String observation) {
        return new ObservationRecorded(GROUP, null, "bj-1", unit, observation, "Because", "a message", AT);
    }

    private static ServiceGroupCreated created() {
        Map<String, ServiceSpec> services = ServiceSpecs.normalized(ServiceGroup.CATALOGUE.template("redis", "sentinel"),
                "7.2.4", Map.of("redis", new ServiceSpec(2, null, null, Map.of(), "net"),
                        "sentinel", new ServiceSpec(3, null, null, Map.of(), "net")), 0);
        return new ServiceGroupCreated(GROUP, "op-create", "redis", "7.2.4", "sentinel", 0, services,
                List.of(new PlannedUnit(UNIT, "redis", null, 0, "bj-1"), new PlannedUnit("cache-redis-1", "redis", null, 1,
                        "bj-1"), new PlannedUnit("cache-sentinel-0", "sentinel", null, 0, "bj-1"),
                        new PlannedUnit("cache-sentinel-1", "sentinel", null, 1, "bj-1"),
                        new PlannedUnit("cache-sentinel-2", "sentinel", null, 2, "bj-1")), null);
    }
}
