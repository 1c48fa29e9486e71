package io.seamless.reactors.unit;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.seamless.reactors.observation.ObservationSink;
import io.seamless.reactors.reconcile.LeaderWork;
import io.seamless.reactors.reconcile.ReactorSettings;
import io.seamless.reactors.reconcile.WorkQueue;
import java.time.Clock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Unit controller of one namespace: informers on Units and on Seamless's Pods turn every event into the
 * Unit's name on a {@link WorkQueue} (a Pod event wakes its Unit: the kubelet reporting Ready, a Pod deleted), and
 * the informers' resync enqueues every Unit periodically. Each key is reconciled whole by {@link UnitReconciler}.
 * Observations of transitions go to the {@link ObservationSink}. Runs only on the leader.
 */
public final class UnitController implements LeaderWork {

    private static final Logger LOG = LoggerFactory.getLogger(UnitController.class);

    private final KubernetesClient client;
    private final String cluster;
    private final String namespace;
    private final ReactorSettings settings;
    private final UnitReconciler reconciler;
    private WorkQueue queue;
    private SharedIndexInformer<Unit> units;
    private SharedIndexInformer<Pod> pods;

    public UnitController(KubernetesClient client, String cluster, String namespace, UnitPodRenderer renderer,
                          ObservationSink sink, Clock clock, ReactorSettings settings) {
        this.client = client;
        this.cluster = cluster;
        this.namespace = namespace;
        this.settings = settings;
        this.reconciler = new UnitReconciler(client, cluster, namespace, renderer, sink, clock);
    }

    @Override
    public synchronized void start() {
        if (queue != null) {
            return;
        }
        queue = new WorkQueue("units-" + cluster, settings.workers(), settings.backoff(), reconciler::reconcile);
        queue.start();
        long resync = settings.resync().toMillis();
        units = client.resources(Unit.class).inNamespace(namespace)
                .inform(new Enqueue<>(queue, unit -> unit.getMetadata().getName()), resync);
        pods = client.pods().inNamespace(namespace).withLabel(SeamlessLabels.MANAGED_BY, SeamlessLabels.SEAMLESS)
                .inform(new Enqueue<>(queue, pod -> pod.getMetadata().getLabels().get(SeamlessLabels.UNIT)), resync);
        LOG.info("Unit controller of cluster {}, namespace {} started", cluster, namespace);
    }

    @Override
    public synchronized void stop() {
        if (queue == null) {
            return;
        }
        units.close();
        pods.close();
        queue.close();
        queue = null;
        LOG.info("Unit controller of cluster {}, namespace {} stopped", cluster, namespace);
    }

    /** Every event of an informer, its object's key onto the queue: what changed does not matter, the key does. */
    private record Enqueue<T extends HasMetadata>(WorkQueue queue, Function<T, String> key)
            implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T object) {
            add(object);
        }

        @Override
        public void onUpdate(T before, T after) {
            add(after);
        }

        @Override
        public void onDelete(T object, boolean finalStateUnknown) {
            add(object);
        }

        private void add(T object) {
            String name = key.apply(object);
            if (name != null) {
                queue.add(name);
            }
        }
    }
}
