package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** What the sandbox API server was asked, to count writes ("a resync writes nothing" must be observable). */
final class Requests {

    private final KubernetesMockServer server;

    Requests(KubernetesMockServer server) {
        this.server = server;
    }

    /** Forgets everything recorded so far. */
    void reset() {
        writes();
    }

    /** The non-GET requests since the last call, as {@code METHOD path}. */
    List<String> writes() {
        List<String> writes = new ArrayList<>();
        try {
            for (var request = server.takeRequest(10, TimeUnit.MILLISECONDS); request != null;
                 request = server.takeRequest(10, TimeUnit.MILLISECONDS)) {
                if (!"GET".equals(request.getMethod())) {
                    writes.add(request.getMethod() + " " + request.getPath());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return writes;
    }
}
