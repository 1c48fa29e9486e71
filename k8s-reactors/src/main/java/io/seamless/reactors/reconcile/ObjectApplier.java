package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.net.HttpURLConnection;
import java.util.List;

/**
 * The one generic "desired vs live -> create / update / nothing" step, written the way both a real API server and
 * the sandbox honour: create, or update carrying the live {@code resourceVersion}. A conflict (someone wrote in
 * between, or the object exists but was not found by its labels) re-reads the object and tries again, a bounded
 * number of times; after that the conflict propagates and the work queue backs off. Never server-side apply or
 * strategic merge patch: the sandbox has neither.
 */
final class ObjectApplier {

    static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final String namespace;

    ObjectApplier(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** The object as the server holds it afterwards, and what was done; {@code action} null: nothing. */
    record Applied<T>(T object, Change.Action action, List<String> differences) {
    }

    /** Makes the live object match {@code desired}; {@code live} null: none was found. */
    <T extends HasMetadata> Applied<T> apply(ManagedKind<T> kind, T desired, T live) {
        T current = live;
        for (int attempt = 1; ; attempt++) {
            try {
                return applyOnce(kind, desired, current);
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= ATTEMPTS) {
                    throw e;
                }
                current = client.resources(kind.type()).inNamespace(namespace)
                        .withName(desired.getMetadata().getName()).get();
            }
        }
    }

    /** Deletes the object; one already gone is fine (level-triggered: the goal is reached). */
    <T extends HasMetadata> void delete(Class<T> type, String name) {
        client.resources(type).inNamespace(namespace).withName(name).delete();
    }

    private <T extends HasMetadata> Applied<T> applyOnce(ManagedKind<T> kind, T desired, T live) {
        if (live == null) {
            T created = client.resources(kind.type()).inNamespace(namespace).resource(desired).create();
            return new Applied<>(created, Change.Action.CREATED, List.of());
        }
        List<String> differences = kind.differences(desired, live);
        if (differences.isEmpty()) {
            return new Applied<>(live, null, differences);
        }
        T updated = client.resources(kind.type()).inNamespace(namespace).resource(kind.merged(desired, live))
                .update();
        return new Applied<>(updated, Change.Action.UPDATED, differences);
    }
}
