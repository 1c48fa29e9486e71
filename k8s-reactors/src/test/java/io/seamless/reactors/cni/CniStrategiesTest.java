package io.seamless.reactors.cni;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CniStrategiesTest {

    private final CniStrategies strategies = CniStrategies.standard(SriovSettings.defaults());

    @Test
    void calicoPinsTheAddressFromTheNamedIpPool() {
        CniPinning pinning = strategies.pin(new CniNetworking("calico", "calico-pool-a", "10.20.0.10", 24));

        assertThat(pinning.isBound()).isTrue();
        assertThat(pinning.annotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "cni.projectcalico.org/ipAddrs", "[\"10.20.0.10\"]",
                "cni.projectcalico.org/ipv4pools", "[\"calico-pool-a\"]"));
        assertThat(pinning.extendedResources()).isEmpty();
    }

    @Test
    void kubeOvnPinsTheAddressInTheNamedLogicalSwitch() {
        CniPinning pinning = strategies.pin(new CniNetworking("kube-ovn", "subnet-a", "10.30.0.5", null));

        assertThat(pinning.annotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "ovn.kubernetes.io/ip_address", "10.30.0.5",
                "ovn.kubernetes.io/logical_switch", "subnet-a"));
    }

    @Test
    void macvlanAsksMultusForTheAttachmentWithTheAddressInCidrNotation() throws Exception {
        CniPinning pinning = strategies.pin(new CniNetworking("macvlan", "orders-macvlan", "10.40.1.7", 22));

        assertThat(pinning.annotations()).containsOnlyKeys("k8s.v1.cni.cncf.io/networks");
        String networks = pinning.annotations().get("k8s.v1.cni.cncf.io/networks");
        assertThat(networks).isEqualTo("[{\"name\":\"orders-macvlan\",\"ips\":[\"10.40.1.7/22\"]}]");
        assertThat(new ObjectMapper().readValue(networks, List.class))
                .isEqualTo(List.of(Map.of("name", "orders-macvlan", "ips", List.of("10.40.1.7/22"))));
        assertThat(pinning.extendedResources()).isEmpty();
    }

    @Test
    void sriovAddsOneVirtualFunctionOfTheNetworksDevicePool() {
        CniPinning pinning = strategies.pin(new CniNetworking("sriov", "fast-net.a", "10.50.0.9", 24));

        assertThat(pinning.annotations()).containsExactly(Map.entry("k8s.v1.cni.cncf.io/networks",
                "[{\"name\":\"fast-net.a\",\"ips\":[\"10.50.0.9/24\"]}]"));
        assertThat(pinning.extendedResources()).containsExactly(Map.entry("intel.com/sriov_fast_net_a", "1"));
    }

    @Test
    void sriovResourceNamesCanBeConfiguredPerNetworkAndPrefix() {
        SriovSettings settings = new SriovSettings("openshift.io", Map.of("fast-net", "example.com/mlx5_vf"));
        CniStrategies configured = CniStrategies.standard(settings);

        assertThat(configured.pin(new CniNetworking("sriov", "fast-net", "10.0.0.1", 24)).extendedResources())
                .containsOnlyKeys("example.com/mlx5_vf");
        assertThat(configured.pin(new CniNetworking("sriov", "other", "10.0.0.1", 24)).extendedResources())
                .containsOnlyKeys("openshift.io/sriov_other");
    }

    @Test
    void noPinningWithoutNetworkingAddressPrefixOrKnownMode() {
        assertThat(strategies.pin(null).unboundReason()).isEqualTo(CniPinning.NO_NETWORKING);
        assertThat(strategies.pin(new CniNetworking("calico", "pool", null, 24)).unboundReason())
                .isEqualTo(CniPinning.ADDRESS_NOT_ASSIGNED);
        CniPinning noPrefix = strategies.pin(new CniNetworking("sriov", "net", "10.0.0.1", null));
        assertThat(noPrefix.unboundReason()).isEqualTo(CniPinning.PREFIX_LENGTH_UNKNOWN);
        assertThat(noPrefix.annotations()).isEmpty();
        assertThat(noPrefix.extendedResources()).isEmpty();
        assertThat(strategies.pin(new CniNetworking("flannel", "net", "10.0.0.1", 24)).unboundReason())
                .isEqualTo(CniPinning.UNSUPPORTED_MODE);
    }

    @Test
    void theStandardModesAreThoseOfThePoolSchemaAndEachIsRegisteredOnce() {
        assertThat(strategies.modes()).containsExactlyInAnyOrder("calico", "kube-ovn", "macvlan", "sriov");
        assertThatThrownBy(() -> new CniStrategies(List.of(new CalicoStrategy(), new CalicoStrategy())))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
