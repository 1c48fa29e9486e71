package io.seamless.reactors.reconcile;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.seamless.reactors.unit.Unit;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Install once, leave alone while it is the manifest's, upgrade when it is not. */
@EnableKubernetesMockClient(crud = true)
class CrdInstallerTest {

    KubernetesClient client;

    @Test
    void createsThenLeavesAloneThenUpgradesAnOutdatedCrd() {
        CrdInstaller installer = new CrdInstaller(client);

        assertThat(installer.install()).isEqualTo(CrdInstaller.Outcome.CREATED);
        String version = crd().getMetadata().getResourceVersion();
        assertThat(installer.install()).isEqualTo(CrdInstaller.Outcome.UNCHANGED);
        assertThat(crd().getMetadata().getResourceVersion()).isEqualTo(version);

        client.apiextensions().v1().customResourceDefinitions().withName(Unit.CRD_NAME).edit(crd -> {
            crd.getMetadata().getAnnotations().put(CrdInstaller.MANIFEST_DIGEST, "an older manifest");
            crd.getSpec().getVersions().get(0).setAdditionalPrinterColumns(List.of());
            return crd;
        });

        assertThat(installer.install()).isEqualTo(CrdInstaller.Outcome.UPGRADED);
        assertThat(crd().getSpec().getVersions().get(0).getAdditionalPrinterColumns()).hasSize(6);
        assertThat(installer.install()).isEqualTo(CrdInstaller.Outcome.UNCHANGED);
    }

    private CustomResourceDefinition crd() {
        return client.apiextensions().v1().customResourceDefinitions().withName(Unit.CRD_NAME).get();
    }
}
