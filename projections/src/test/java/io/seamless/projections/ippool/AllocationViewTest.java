package io.seamless.projections.ippool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class AllocationViewTest {

    @Test
    void addressesSortNumericallyNotAsText() {
        List<String> sorted = List.of("10.0.0.10", "10.0.1.2", "9.255.255.255", "10.0.0.9", "10.0.0.100").stream()
                .map(address -> new AllocationView("unit-" + address, address, AllocationView.ALLOCATED, 1))
                .sorted(AllocationView.BY_ADDRESS)
                .map(AllocationView::address)
                .toList();

        assertThat(sorted).containsExactly("9.255.255.255", "10.0.0.9", "10.0.0.10", "10.0.0.100", "10.0.1.2");
    }

    @Test
    void anythingThatIsNotIpv4SortsLast() {
        List<String> sorted = List.of("fd00::1", "10.0.0.256", "10.0.0.1", "10.0.0").stream()
                .map(address -> new AllocationView("unit-" + address, address, AllocationView.RESERVED, 1))
                .sorted(AllocationView.BY_ADDRESS)
                .map(AllocationView::address)
                .toList();

        assertThat(sorted).containsExactly("10.0.0.1", "10.0.0", "10.0.0.256", "fd00::1");
    }
}
