package io.seamless.reactors.unit;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.net.HttpURLConnection;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Writes a Unit's status through the status subresource, with the Unit's {@code resourceVersion}: on a conflict
 * (the controller and the group reconciler both write status) it re-reads the Unit and computes again, a bounded
 * number of times. An unchanged status is not written.
 */
public final class UnitStatusWriter {

    static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final String namespace;

    public UnitStatusWriter(KubernetesClient client, String namespace) {
        this.client = client;
        this.namespace = namespace;
    }

    /** The status before and after a write. */
    public record Written(Unit unit, UnitStatus before, UnitStatus after) {
    }

    /** Writes {@code status.apply(unit)} unless equal to the live one; empty when nothing was written. */
    public Optional<Written> write(Unit unit, Function<Unit, UnitStatus> status) {
        Unit current = unit;
        for (int attempt = 1; current != null; attempt++) {
            UnitStatus before = current.getStatus();
            UnitStatus after = status.apply(current);
            if (Objects.equals(before, after)) {
                return Optional.empty();
            }
            Unit copy = Serialization.clone(current);
            copy.setStatus(after);
            try {
                Unit written = client.resources(Unit.class).inNamespace(namespace).resource(copy).updateStatus();
                return Optional.of(new Written(written, before, after));
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt >= ATTEMPTS) {
                    throw e;
                }
                current = client.resources(Unit.class).inNamespace(namespace)
                        .withName(current.getMetadata().getName()).get();
            }
        }
        return Optional.empty();
    }
}
