package io.seamless.reactors.render;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServicePortBuilder;
import io.seamless.reactors.desired.DesiredState;
import io.seamless.reactors.desired.DesiredUnit;
import io.seamless.reactors.desired.InvalidDesiredStateException;
import io.seamless.reactors.unit.SeamlessLabels;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The objects a Unit's Pod relies on besides itself: the headless Service of its function type (stable per-Pod DNS
 * and endpoints that include Pods not ready yet, which cluster bootstrapping needs), its ConfigMap, and the group's
 * credentials Secret.
 */
final class GroupObjects {

    /** What a ConfigMap accepts as a key, hence as a configuration file's name. */
    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");

    private GroupObjects() {
    }

    /** {@code units}: the service's units in this cluster; the ports are theirs, first declaration wins. */
    static Service headlessService(DesiredState group, String service, List<DesiredUnit> units, String namespace) {
        Map<String, ServicePort> ports = new LinkedHashMap<>();
        units.forEach(unit -> unit.ports().forEach(port -> ports.putIfAbsent(port.name(), new ServicePortBuilder()
                .withName(port.name()).withPort(port.port()).withNewTargetPort(port.port()).withProtocol("TCP")
                .build())));
        return new ServiceBuilder()
                .withNewMetadata().withName(Names.headlessService(group.name(), service)).withNamespace(namespace)
                .withLabels(SeamlessLabels.service(group.engine(), group.name(), service)).endMetadata()
                .withNewSpec()
                .withClusterIP("None")
                .withPublishNotReadyAddresses(true)
                .withSelector(new TreeMap<>(SeamlessLabels.serviceSelector(group.name(), service)))
                .withPorts(List.copyOf(ports.values()))
                .endSpec()
                .build();
    }

    /** The unit's rendered files, one key each; {@code path} is the unit's JSON path, for the errors. */
    static ConfigMap configMap(DesiredState group, DesiredUnit unit, String path, String namespace) {
        String unitName = Names.unit(unit.id());
        Map<String, String> files = new LinkedHashMap<>();
        for (int i = 0; i < unit.config().size(); i++) {
            DesiredUnit.ConfigFile file = unit.config().get(i);
            if (!CONFIG_KEY.matcher(file.name()).matches() || files.put(file.name(), file.content()) != null) {
                throw new InvalidDesiredStateException(path + ".config[" + i + "].name", "'" + file.name()
                        + "' is not a distinct ConfigMap key (letters, digits, '-', '_', '.')");
            }
        }
        return new ConfigMapBuilder()
                .withNewMetadata().withName(Names.configMap(unitName)).withNamespace(namespace)
                .withLabels(SeamlessLabels.unit(group.engine(), group.name(), unit.service(), unitName))
                .endMetadata()
                .withData(files)
                .build();
    }

    /** The group's Secret, every key of its engine taken from {@code source}. */
    static Secret credentials(DesiredState group, String namespace, CredentialSource source) {
        String name = Credentials.secretName(group.name());
        Map<String, String> data = new TreeMap<>();
        for (CredentialKey key : Credentials.keys(group.engine())) {
            String value = source.value(name, key);
            if (value == null || value.isEmpty()) {
                throw new IllegalStateException("the credential source gave no value for " + name + "/" + key.name());
            }
            data.put(key.name(), Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
        }
        return new SecretBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace)
                .withLabels(SeamlessLabels.group(group.engine(), group.name())).endMetadata()
                .withType("Opaque")
                .withData(data)
                .build();
    }
}
