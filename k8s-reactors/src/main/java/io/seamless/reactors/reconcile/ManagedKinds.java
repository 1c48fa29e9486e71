package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import io.seamless.reactors.unit.Unit;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/** The four kinds the reactor writes, each comparing and merging only the content it renders. */
final class ManagedKinds {

    static final String SPEC = "spec";
    static final String DATA = "data";

    /** A Unit's spec is all Seamless's: the CRD has no defaults, so an exact comparison is stable. */
    static final ManagedKind<Unit> UNITS = new ManagedKind<>(Unit.class) {
        @Override
        List<String> contentDifferences(Unit desired, Unit live) {
            return Objects.equals(desired.getSpec(), live.getSpec()) ? List.of() : List.of(SPEC);
        }

        @Override
        void mergeContent(Unit desired, Unit target) {
            target.setSpec(desired.getSpec());
        }
    };

    /** Of a Service's spec only what is rendered: the API server fills in clusterIPs, ipFamilies, and more. */
    static final ManagedKind<Service> SERVICES = new ManagedKind<>(Service.class) {
        @Override
        List<String> contentDifferences(Service desired, Service live) {
            return rendered(desired.getSpec()).equals(rendered(live.getSpec())) ? List.of() : List.of(SPEC);
        }

        @Override
        void mergeContent(Service desired, Service target) {
            ServiceSpec from = desired.getSpec();
            ServiceSpec to = target.getSpec() == null ? new ServiceSpec() : target.getSpec();
            to.setClusterIP(from.getClusterIP());
            to.setPublishNotReadyAddresses(from.getPublishNotReadyAddresses());
            to.setSelector(from.getSelector());
            to.setPorts(from.getPorts());
            target.setSpec(to);
        }
    };

    /** A ConfigMap's data is exactly the unit's rendered files: a file removed from the document goes. */
    static final ManagedKind<ConfigMap> CONFIG_MAPS = new ManagedKind<>(ConfigMap.class) {
        @Override
        List<String> contentDifferences(ConfigMap desired, ConfigMap live) {
            return orEmpty(desired.getData()).equals(orEmpty(live.getData())) ? List.of() : List.of(DATA);
        }

        @Override
        void mergeContent(ConfigMap desired, ConfigMap target) {
            target.setData(desired.getData());
        }
    };

    /**
     * The credentials Secret must hold every rendered key; keys someone added are left alone. The rendered values of
     * existing keys are the live ones (see {@link LiveCredentials}), so only a missing or changed key differs.
     */
    static final ManagedKind<Secret> SECRETS = new ManagedKind<>(Secret.class) {
        @Override
        List<String> contentDifferences(Secret desired, Secret live) {
            return orEmpty(live.getData()).entrySet().containsAll(orEmpty(desired.getData()).entrySet())
                    ? List.of() : List.of(DATA);
        }

        @Override
        void mergeContent(Secret desired, Secret target) {
            Map<String, String> data = new TreeMap<>(orEmpty(target.getData()));
            data.putAll(orEmpty(desired.getData()));
            target.setData(data);
        }
    };

    private ManagedKinds() {
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }

    private static RenderedService rendered(ServiceSpec spec) {
        if (spec == null) {
            return new RenderedService(null, null, Map.of(), List.of());
        }
        List<RenderedPort> ports = spec.getPorts() == null ? List.of() : spec.getPorts().stream()
                .map(ManagedKinds::port).toList();
        return new RenderedService(spec.getClusterIP(), spec.getPublishNotReadyAddresses(),
                orEmpty(spec.getSelector()), ports);
    }

    private static RenderedPort port(ServicePort port) {
        IntOrString target = port.getTargetPort();
        String targetPort = target == null ? null
                : target.getIntVal() != null ? target.getIntVal().toString() : target.getStrVal();
        return new RenderedPort(port.getName(), port.getPort(), targetPort, port.getProtocol());
    }

    /** The part of a Service spec the renderer sets. */
    private record RenderedService(String clusterIP, Boolean publishNotReadyAddresses, Map<String, String> selector,
                                   List<RenderedPort> ports) {
    }

    private record RenderedPort(String name, Integer port, String targetPort, String protocol) {
    }
}
