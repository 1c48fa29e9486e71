package io.seamless.domain.ippool;

import static org.hamcrest.Matchers.equalTo;

import io.seamless.domain.common.DomainException;
import java.util.List;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IpPoolTest {

    private static final IpPoolCreated ORDERS_NET = new IpPoolCreated("orders-net", "10.20.0.0/24", "10.20.0.1",
            List.of("10.20.0.2-10.20.0.9"), 120, "calico", "calico-pool-a", 245);

    private AggregateTestFixture<IpPool> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(IpPool.class);
    }

    @Test
    void createsAPoolAndCountsItsAssignableAddresses() {
        fixture.givenNoPriorActivity()
                .when(new CreateIpPool("orders-net", "10.20.0.0/24", "10.20.0.1", List.of("10.20.0.2-10.20.0.9"),
                        120, "calico", "calico-pool-a"))
                .expectSuccessfulHandlerExecution()
                .expectEvents(ORDERS_NET);
    }

    @Test
    void normalizesSingleAddressRangesInTheExcludedList() {
        fixture.givenNoPriorActivity()
                .when(new CreateIpPool("p", "10.0.0.0/29", "10.0.0.1", List.of("10.0.0.2-10.0.0.2", "10.0.0.6"),
                        null, "kube-ovn", "ovn-default"))
                .expectEvents(new IpPoolCreated("p", "10.0.0.0/29", "10.0.0.1", List.of("10.0.0.2", "10.0.0.6"),
                        null, "kube-ovn", "ovn-default", 3));
    }

    @Test
    void refusesACidrWithHostBitsSet() {
        expectRefusal(new CreateIpPool("p", "10.20.0.5/24", "10.20.0.1", List.of(), null, "calico", "n"),
                IpPoolError.INVALID_CIDR);
    }

    @Test
    void refusesAGatewayOutsideTheCidr() {
        expectRefusal(new CreateIpPool("p", "10.20.0.0/24", "10.21.0.1", List.of(), null, "calico", "n"),
                IpPoolError.GATEWAY_OUTSIDE_CIDR);
    }

    @Test
    void refusesTheBroadcastAddressAsGateway() {
        expectRefusal(new CreateIpPool("p", "10.20.0.0/24", "10.20.0.255", List.of(), null, "calico", "n"),
                IpPoolError.GATEWAY_OUTSIDE_CIDR);
    }

    @Test
    void refusesExcludedAddressesOutsideTheCidr() {
        expectRefusal(new CreateIpPool("p", "10.20.0.0/24", "10.20.0.1", List.of("10.20.1.1"), null, "calico", "n"),
                IpPoolError.EXCLUDED_OUTSIDE_CIDR);
    }

    @Test
    void refusesPoolsLargerThanASlash16() {
        expectRefusal(new CreateIpPool("p", "10.0.0.0/15", "10.0.0.1", List.of(), null, "calico", "n"),
                IpPoolError.IP_POOL_TOO_LARGE);
    }

    @Test
    void refusesAnUnknownCniModeAndABadVlan() {
        expectRefusal(new CreateIpPool("p", "10.0.0.0/24", "10.0.0.1", List.of(), null, "flannel", "n"),
                IpPoolError.UNKNOWN_CNI_MODE);
        expectRefusal(new CreateIpPool("p", "10.0.0.0/24", "10.0.0.1", List.of(), 4095, "calico", "n"),
                IpPoolError.INVALID_VLAN);
    }

    @Test
    void allocatesTheLowestFreeAddressSkippingGatewayAndExcluded() {
        fixture.given(ORDERS_NET)
                .when(new AllocateAddress("orders-net", "u-0"))
                .expectEvents(new AddressAllocated("orders-net", "u-0", "10.20.0.10"))
                .expectResultMessagePayload(new AddressAssignment("orders-net", "u-0", "10.20.0.10", 1));
    }

    @Test
    void allocatingAgainForTheSameUnitReturnsTheSameAddressAndRecordsNothing() {
        fixture.given(ORDERS_NET, new AddressAllocated("orders-net", "u-0", "10.20.0.10"))
                .when(new AllocateAddress("orders-net", "u-0"))
                .expectNoEvents()
                .expectResultMessagePayload(new AddressAssignment("orders-net", "u-0", "10.20.0.10", 1));
    }

    @Test
    void reusesAReleasedAddressFirst() {
        fixture.given(ORDERS_NET, new AddressAllocated("orders-net", "u-0", "10.20.0.10"),
                        new AddressAllocated("orders-net", "u-1", "10.20.0.11"),
                        new AddressReleased("orders-net", "u-0", "10.20.0.10"))
                .when(new AllocateAddress("orders-net", "u-2"))
                .expectEvents(new AddressAllocated("orders-net", "u-2", "10.20.0.10"));
    }

    @Test
    void exhaustionIsAClearErrorAndRecordsNothing() {
        IpPoolCreated tiny = new IpPoolCreated("tiny", "10.0.0.0/30", "10.0.0.1", List.of(), null, "calico", "n", 1);
        fixture.given(tiny, new AddressAllocated("tiny", "u-0", "10.0.0.2"))
                .when(new AllocateAddress("tiny", "u-1"))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("IP pool 'tiny' (10.0.0.0/30) has no free address left for unit 'u-1'");
    }

    @Test
    void allocatesForSeveralUnitsAtOnceKeepingWhatUnitsAlreadyHold() {
        fixture.given(ORDERS_NET, new AddressAllocated("orders-net", "u-0", "10.20.0.10"))
                .when(new AllocateAddresses("orders-net", List.of("u-1", "u-0", "u-2", "u-1")))
                .expectEvents(new AddressAllocated("orders-net", "u-1", "10.20.0.11"),
                        new AddressAllocated("orders-net", "u-2", "10.20.0.12"))
                .expectResultMessagePayload(List.of(
                        new AddressAssignment("orders-net", "u-1", "10.20.0.11", 3),
                        new AddressAssignment("orders-net", "u-0", "10.20.0.10", 3),
                        new AddressAssignment("orders-net", "u-2", "10.20.0.12", 3),
                        new AddressAssignment("orders-net", "u-1", "10.20.0.11", 3)));
    }

    @Test
    void allocatesForAllUnitsOrNone() {
        IpPoolCreated tiny = new IpPoolCreated("tiny", "10.0.0.0/29", "10.0.0.1", List.of(), null, "calico", "n", 5);
        fixture.given(tiny, new AddressAllocated("tiny", "u-0", "10.0.0.2"))
                .when(new AllocateAddresses("tiny", List.of("u-0", "u-1", "u-2", "u-3", "u-4", "u-5")))
                .expectNoEvents()
                .expectException(DomainException.class)
                .expectExceptionMessage("IP pool 'tiny' (10.0.0.0/29) has 4 free address(es), 5 unit(s) asked for one:"
                        + " [u-1, u-2, u-3, u-4, u-5]");
    }

    @Test
    void reservesASpecificFreeAddress() {
        fixture.given(ORDERS_NET)
                .when(new ReserveAddress("orders-net", "u-0", "10.20.0.50"))
                .expectEvents(new AddressReserved("orders-net", "u-0", "10.20.0.50"));
    }

    @Test
    void reservingAnAddressHeldByAnotherUnitNamesTheHolder() {
        fixture.given(ORDERS_NET, new AddressReserved("orders-net", "u-0", "10.20.0.50"))
                .when(new ReserveAddress("orders-net", "u-1", "10.20.0.50"))
                .expectNoEvents()
                .expectExceptionMessage("10.20.0.50 in IP pool 'orders-net' is held by unit 'u-0'");
    }

    @Test
    void refusesToReserveBlockedOrForeignAddresses() {
        expectRefusal(ORDERS_NET, new ReserveAddress("orders-net", "u-0", "10.20.0.1"), IpPoolError.ADDRESS_NOT_ASSIGNABLE);
        expectRefusal(ORDERS_NET, new ReserveAddress("orders-net", "u-0", "10.20.0.5"), IpPoolError.ADDRESS_NOT_ASSIGNABLE);
        expectRefusal(ORDERS_NET, new ReserveAddress("orders-net", "u-0", "10.20.0.255"), IpPoolError.ADDRESS_NOT_ASSIGNABLE);
        expectRefusal(ORDERS_NET, new ReserveAddress("orders-net", "u-0", "10.20.1.7"), IpPoolError.ADDRESS_OUTSIDE_POOL);
        expectRefusal(ORDERS_NET, new ReserveAddress("orders-net", "u-0", "10.20.0.256"), IpPoolError.INVALID_ADDRESS);
    }

    @Test
    void aUnitHoldsOneAddressPerPool() {
        expectRefusal(List.of(ORDERS_NET, new AddressAllocated("orders-net", "u-0", "10.20.0.10")),
                new ReserveAddress("orders-net", "u-0", "10.20.0.60"), IpPoolError.UNIT_HOLDS_OTHER_ADDRESS);
    }

    @Test
    void releaseFreesTheAddress() {
        fixture.given(ORDERS_NET, new AddressAllocated("orders-net", "u-0", "10.20.0.10"))
                .when(new ReleaseAddress("orders-net", "u-0"))
                .expectEvents(new AddressReleased("orders-net", "u-0", "10.20.0.10"));
    }

    @Test
    void releasingAUnitThatHoldsNothingRecordsNothing() {
        fixture.given(ORDERS_NET)
                .when(new ReleaseAddress("orders-net", "u-0"))
                .expectNoEvents()
                .expectResultMessagePayload(new AddressAssignment("orders-net", "u-0", null, 0));
    }

    @Test
    void refusesToDeleteAPoolWithAllocations() {
        expectRefusal(List.of(ORDERS_NET, new AddressAllocated("orders-net", "u-0", "10.20.0.10")),
                new DeleteIpPool("orders-net"), IpPoolError.IP_POOL_HAS_ALLOCATIONS);
    }

    @Test
    void deletesAnEmptyPool() {
        fixture.given(ORDERS_NET)
                .when(new DeleteIpPool("orders-net"))
                .expectEvents(new IpPoolDeleted("orders-net"))
                .expectMarkedDeleted();
    }

    private static Matcher<DomainException> refusedWith(IpPoolError error) {
        return new FeatureMatcher<>(equalTo(error), "a refusal with error code", "error code") {
            @Override
            protected IpPoolError featureValueOf(DomainException actual) {
                return (IpPoolError) actual.errorCode();
            }
        };
    }

    private void expectRefusal(Object command, IpPoolError error) {
        expectRefusal(List.of(), command, error);
    }

    private void expectRefusal(IpPoolCreated given, Object command, IpPoolError error) {
        expectRefusal(List.of(given), command, error);
    }

    private void expectRefusal(List<?> given, Object command, IpPoolError error) {
        new AggregateTestFixture<>(IpPool.class).given(given)
                .when(command)
                .expectNoEvents()
                .expectException(refusedWith(error));
    }
}
