package io.seamless.reactors.unit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Volume;
import io.seamless.reactors.cni.CniPinning;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.cni.SriovSettings;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UnitPodRendererTest {

    private final UnitPodRenderer renderer = new UnitPodRenderer(CniStrategies.standard(SriovSettings.defaults()));

    @Test
    void thePodIsNamedAfterTheUnitControlledByItAndLabelledLikeIt() {
        Unit unit = UnitFixtures.mysqld(UnitFixtures.sriov(), false);

        Pod pod = renderer.render(unit).pod().orElseThrow();

        assertThat(pod.getMetadata().getName()).isEqualTo("orders-db-mysqld-0");
        assertThat(pod.getMetadata().getNamespace()).isEqualTo("seamless");
        assertThat(pod.getMetadata().getLabels()).isEqualTo(unit.getMetadata().getLabels())
                .containsEntry("seamless.io/unit", "orders-db-mysqld-0")
                .containsEntry("app.kubernetes.io/managed-by", "seamless");
        assertThat(pod.getMetadata().getOwnerReferences()).singleElement().satisfies(this::isControllingUnit);
    }

    @Test
    void everyContainerLearnsItsAddressFromTheDownwardApi() {
        Pod pod = renderer.render(UnitFixtures.mysqld(UnitFixtures.sriov(), false)).pod().orElseThrow();

        assertThat(pod.getSpec().getContainers()).hasSize(2).allSatisfy(container -> {
            EnvVar podIp = container.getEnv().stream().filter(env -> env.getName().equals("POD_IP")).findFirst()
                    .orElseThrow();
            assertThat(podIp.getValue()).isNull();
            assertThat(podIp.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("status.podIP");
        });
        assertThat(container(pod, "mysqld").getEnv()).extracting(EnvVar::getName)
                .containsExactly("SEAMLESS_UNIT", "POD_IP");
    }

    @Test
    void theCniPinningAndTheRestartGenerationAreAnnotationsAndTheVfGoesToTheMainContainerOnly() {
        UnitWorkload workload = renderer.render(UnitFixtures.mysqld(UnitFixtures.sriov(), false));
        Pod pod = workload.pod().orElseThrow();

        assertThat(pod.getMetadata().getAnnotations()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "seamless.io/restart-generation", "3",
                "k8s.v1.cni.cncf.io/networks", "[{\"name\":\"fast-net\",\"ips\":[\"10.20.0.10/24\"]}]"));
        Container main = container(pod, "mysqld");
        assertThat(main.getResources().getRequests()).containsEntry("intel.com/sriov_fast_net", new Quantity("1"))
                .containsEntry("cpu", new Quantity("2")).containsEntry("memory", new Quantity("8Gi"));
        assertThat(main.getResources().getLimits()).containsEntry("intel.com/sriov_fast_net", new Quantity("1"));
        assertThat(container(pod, "exporter").getResources().getRequests()).isEmpty();
        assertThat(workload.pinning().isBound()).isTrue();
    }

    @Test
    void claimsAndConfigAreVolumesAndTheConfigIsMountedReadOnlyInTheMainContainer() {
        Pod pod = renderer.render(UnitFixtures.mysqld(UnitFixtures.sriov(), false)).pod().orElseThrow();

        assertThat(pod.getSpec().getVolumes()).extracting(Volume::getName).containsExactly("data", "binlog", "config");
        assertThat(pod.getSpec().getVolumes().get(0).getPersistentVolumeClaim().getClaimName())
                .isEqualTo("data-orders-db-mysqld-0");
        assertThat(pod.getSpec().getVolumes().get(1).getPersistentVolumeClaim().getClaimName())
                .isEqualTo("binlog-orders-db-mysqld-0");
        assertThat(pod.getSpec().getVolumes().get(2).getConfigMap().getName()).isEqualTo("orders-db-mysqld-0-config");
        assertThat(container(pod, "mysqld").getVolumeMounts()).anySatisfy(mount -> {
            assertThat(mount.getName()).isEqualTo("config");
            assertThat(mount.getMountPath()).isEqualTo(UnitPodRenderer.CONFIG_MOUNT_PATH);
            assertThat(mount.getReadOnly()).isTrue();
        });
        assertThat(container(pod, "exporter").getVolumeMounts()).isEmpty();
    }

    @Test
    void eachClaimIsAPvcControlledByTheUnit() {
        UnitWorkload workload = renderer.render(UnitFixtures.mysqld(UnitFixtures.sriov(), false));

        assertThat(workload.claims()).extracting(claim -> claim.getMetadata().getName())
                .containsExactly("data-orders-db-mysqld-0", "binlog-orders-db-mysqld-0");
        PersistentVolumeClaim data = workload.claims().get(0);
        assertThat(data.getSpec().getStorageClassName()).isEqualTo("fast-ssd");
        assertThat(data.getSpec().getAccessModes()).containsExactly("ReadWriteOnce");
        assertThat(data.getSpec().getResources().getRequests()).containsEntry("storage", new Quantity("100Gi"));
        assertThat(workload.claims().get(1).getSpec().getStorageClassName()).isNull();
        assertThat(workload.claims()).allSatisfy(claim -> {
            assertThat(claim.getMetadata().getOwnerReferences()).singleElement().satisfies(this::isControllingUnit);
            assertThat(claim.getMetadata().getLabels()).containsEntry("seamless.io/unit", "orders-db-mysqld-0");
        });
    }

    @Test
    void aStoppedUnitHasNoPodButKeepsItsClaims() {
        UnitWorkload workload = renderer.render(UnitFixtures.mysqld(UnitFixtures.sriov(), true));

        assertThat(workload.pod()).isEmpty();
        assertThat(workload.claims()).hasSize(2);
    }

    @Test
    void aUnitAwaitingItsAddressGetsNoPodYetAndSaysWhy() {
        UnitSpec.Networking noAddress = new UnitSpec.Networking("calico", "pool-a",
                UnitSpec.Networking.NETWORK_CLAIM, null, null);
        UnitWorkload workload = renderer.render(UnitFixtures.mysqld(noAddress, false));

        assertThat(workload.pinning().unboundReason()).isEqualTo(CniPinning.ADDRESS_NOT_ASSIGNED);
        assertThat(workload.pod()).isEmpty();
        assertThat(workload.claims()).isNotEmpty();
    }

    @Test
    void aUnitWithoutNetworkingRunsUnpinnedOnTheDefaultNetwork() {
        UnitWorkload workload = renderer.render(UnitFixtures.mysqld(null, false));

        assertThat(workload.pinning().unboundReason()).isEqualTo(CniPinning.NO_NETWORKING);
        assertThat(workload.pod().orElseThrow().getMetadata().getAnnotations())
                .containsOnlyKeys("seamless.io/restart-generation");
    }

    @Test
    void aUnitNotYetCreatedCannotOwnAnything() {
        Unit unit = UnitFixtures.mysqld(UnitFixtures.sriov(), false);
        unit.getMetadata().setUid(null);

        assertThatThrownBy(() -> renderer.render(unit)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("orders-db-mysqld-0");
    }

    private void isControllingUnit(OwnerReference owner) {
        assertThat(owner.getApiVersion()).isEqualTo("seamless.io/v1");
        assertThat(owner.getKind()).isEqualTo("Unit");
        assertThat(owner.getName()).isEqualTo("orders-db-mysqld-0");
        assertThat(owner.getUid()).isEqualTo(UnitFixtures.UID);
        assertThat(owner.getController()).isTrue();
        assertThat(owner.getBlockOwnerDeletion()).isTrue();
    }

    private static Container container(Pod pod, String name) {
        return pod.getSpec().getContainers().stream().filter(c -> c.getName().equals(name)).findFirst().orElseThrow();
    }
}
