package io.seamless.reactors.unit;

import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.seamless.reactors.observation.Observation;
import io.seamless.reactors.observation.ObservationSink;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Unit to its Pod, PVCs and status, level-triggered: everything is read again each time, and each step does
 * at most what is missing. A Pod whose rendered template changed (restart generation, image, pinning, anything:
 * a Pod's spec is immutable in all that matters) is deleted and created again on the next pass. The finalizer
 * holds the Unit, hence its address, until its Pod is gone and that is reported ({@code UNIT_RELEASED}, stored
 * before the finalizer goes: the command side releases the address only then).
 */
final class UnitReconciler {

    static final String FINALIZER = "seamless.io/address-release";
    /** The digest of the rendered Pod, as Deployments do it: a real API server defaults a Pod's spec. */
    static final String TEMPLATE_HASH = "seamless.io/pod-template-hash";

    private static final Logger LOG = LoggerFactory.getLogger(UnitReconciler.class);

    private final KubernetesClient client;
    private final String cluster;
    private final String namespace;
    private final UnitPodRenderer renderer;
    private final UnitStatusWriter status;
    private final ObservationSink sink;
    private final Clock clock;

    UnitReconciler(KubernetesClient client, String cluster, String namespace, UnitPodRenderer renderer,
                   ObservationSink sink, Clock clock) {
        this.client = client;
        this.cluster = cluster;
        this.namespace = namespace;
        this.renderer = renderer;
        this.status = new UnitStatusWriter(client, namespace);
        this.sink = sink;
        this.clock = clock;
    }

    void reconcile(String name) {
        Unit unit = client.resources(Unit.class).inNamespace(namespace).withName(name).get();
        if (unit == null) {
            return;
        }
        if (unit.getMetadata().getDeletionTimestamp() != null) {
            finalizeUnit(unit);
            return;
        }
        Unit held = withFinalizer(unit);
        UnitWorkload workload = renderer.render(held);
        workload.claims().forEach(this::ensureClaim);
        Pod pod = ensurePod(name, workload.pod());
        status.write(held, current -> UnitStatusRules.compute(current, pod, workload.pinning(), clock.instant()))
                .ifPresent(written -> UnitTransitions.between(cluster, written.unit(), written.before(),
                        written.after(), clock.instant()).forEach(sink::observe));
    }

    private Unit withFinalizer(Unit unit) {
        if (unit.getMetadata().getFinalizers().contains(FINALIZER)) {
            return unit;
        }
        Unit copy = Serialization.clone(unit);
        copy.getMetadata().getFinalizers().add(FINALIZER);
        // With the resourceVersion read: a conflict fails this pass, and the back-off retries it on fresh data.
        return client.resources(Unit.class).inNamespace(namespace).resource(copy).update();
    }

    private void ensureClaim(PersistentVolumeClaim claim) {
        var claims = client.persistentVolumeClaims().inNamespace(namespace);
        if (claims.withName(claim.getMetadata().getName()).get() == null) {
            try {
                claims.resource(claim).create();
                LOG.info("unit {}: PVC {} created", claim.getMetadata().getOwnerReferences().get(0).getName(),
                        claim.getMetadata().getName());
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
            }
        }
    }

    /** The live Pod after this pass, or null when there is none (or it was just deleted). */
    private Pod ensurePod(String name, Optional<Pod> rendered) {
        var pods = client.pods().inNamespace(namespace);
        Pod live = pods.withName(name).get();
        if (live != null && live.getMetadata().getDeletionTimestamp() != null) {
            return live;
        }
        if (rendered.isEmpty() || live != null && !hash(rendered.get()).equals(templateHash(live))) {
            if (live != null) {
                pods.withName(name).delete();
                LOG.info("unit {}: Pod deleted ({})", name, rendered.isEmpty() ? "stopped, or its address cannot be pinned"
                        : "template changed");
            }
            return null;
        }
        if (live == null) {
            Pod pod = new PodBuilder(rendered.get()).editMetadata()
                    .addToAnnotations(TEMPLATE_HASH, hash(rendered.get())).endMetadata().build();
            LOG.info("unit {}: Pod created", name);
            return pods.resource(pod).create();
        }
        return live;
    }

    private void finalizeUnit(Unit unit) {
        String name = unit.getMetadata().getName();
        if (!unit.getMetadata().getFinalizers().contains(FINALIZER)) {
            return;
        }
        Pod pod = client.pods().inNamespace(namespace).withName(name).get();
        if (pod != null) {
            if (pod.getMetadata().getDeletionTimestamp() == null) {
                client.pods().inNamespace(namespace).withName(name).delete();
                LOG.info("unit {}: being deleted, Pod deleted; the address is held until it is gone", name);
            }
            return;
        }
        // The API server's garbage collector would take the PVCs too; the sandbox has none, so say it here.
        unit.getSpec().volumeClaims().forEach(claim -> client.persistentVolumeClaims().inNamespace(namespace)
                .withName(UnitPodRenderer.claimName(claim.name(), name)).delete());
        // Reported before the finalizer goes, and stored: a report lost after it went would hold the address forever.
        String address = unit.getSpec().networking() == null ? null : unit.getSpec().networking().address();
        sink.observeDurably(new Observation(cluster, unit.getSpec().serviceGroup(), name,
                Observation.Type.UNIT_RELEASED, "PodGone", address == null ? null
                : "address " + address + " may be released", clock.instant()));
        Unit copy = Serialization.clone(unit);
        List<String> finalizers = new ArrayList<>(copy.getMetadata().getFinalizers());
        finalizers.remove(FINALIZER);
        copy.getMetadata().setFinalizers(finalizers);
        client.resources(Unit.class).inNamespace(namespace).resource(copy).update();
        LOG.info("unit {}: Pod gone, reported released, finalizer removed", name);
    }

    private static String templateHash(Pod pod) {
        return pod.getMetadata().getAnnotations() == null ? ""
                : pod.getMetadata().getAnnotations().getOrDefault(TEMPLATE_HASH, "");
    }

    static String hash(Pod rendered) {
        try {
            byte[] json = Serialization.asJson(rendered).getBytes(StandardCharsets.UTF_8);
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json), 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
