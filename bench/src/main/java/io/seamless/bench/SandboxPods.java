package io.seamless.bench;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Watches the Pods of every sandbox cluster (one informer, hence one watch, per cluster's mock API server, through the
 * kubeconfig the reactors role wrote for it) and records, per Pod name, when it was first seen at all and when it
 * was first seen pinned to its address (calico's {@code cni.projectcalico.org/ipAddrs}, the pool the benches use).
 * A Pod is mapped to its group by its {@code seamless.io/service-group} label, as the Unit controller sets it.
 * Times are {@link System#nanoTime()} in the informer's thread when the event arrived.
 */
final class SandboxPods implements AutoCloseable {

    static final String GROUP_LABEL = "seamless.io/service-group";
    static final String CALICO_ADDRESS = "cni.projectcalico.org/ipAddrs";

    /** When a Pod was first seen: at all, and on its address; {@code pinned} 0 until it is. */
    record Seen(String group, long present, long pinned) {
    }

    private final Map<String, Seen> pods = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> pinnedPerGroup = new ConcurrentHashMap<>();
    private final List<KubernetesClient> clients = new ArrayList<>();
    private final List<SharedIndexInformer<Pod>> informers = new ArrayList<>();

    private SandboxPods() {
    }

    /**
     * Waits (at most {@code atMost}) for the kubeconfig of every cluster under {@code directory}, then watches each
     * cluster's Pods in {@code namespace}; returns once every informer has synced.
     */
    static SandboxPods watch(Path directory, List<String> clusters, String namespace, Duration atMost)
            throws IOException, InterruptedException {
        SandboxPods watch = new SandboxPods();
        long deadline = System.nanoTime() + atMost.toNanos();
        try {
            for (String cluster : clusters) {
                Path kubeconfig = directory.resolve(cluster + ".kubeconfig");
                while (!Files.exists(kubeconfig)) {
                    if (System.nanoTime() > deadline) {
                        throw new IllegalStateException("no sandbox for cluster " + cluster + ": " + kubeconfig
                                + " missing after " + atMost);
                    }
                    Thread.sleep(100);
                }
                KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(null,
                        Files.readString(kubeconfig), kubeconfig.toString())).build();
                watch.clients.add(client);
                watch.informers.add(client.pods().inNamespace(namespace).inform(watch.handler(), 0));
            }
        } catch (IOException | InterruptedException | RuntimeException e) {
            watch.close();
            throw e;
        }
        return watch;
    }

    /**
     * Waits until every one of {@code units} Pods of these groups was seen on its address, or {@code atMost} passed.
     *
     * @return true when all were
     */
    boolean awaitPinned(Collection<String> groups, int units, Duration atMost) throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (pinned(groups) < units) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    /** Every Pod seen so far of one of these groups. */
    List<Seen> of(Collection<String> groups) {
        return pods.values().stream().filter(seen -> groups.contains(seen.group())).toList();
    }

    private int pinned(Collection<String> groups) {
        int pinned = 0;
        for (String group : groups) {
            AtomicInteger count = pinnedPerGroup.get(group);
            pinned += count == null ? 0 : count.get();
        }
        return pinned;
    }

    private ResourceEventHandler<Pod> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                seen(pod, System.nanoTime());
            }

            @Override
            public void onUpdate(Pod before, Pod pod) {
                seen(pod, System.nanoTime());
            }

            @Override
            public void onDelete(Pod pod, boolean finalStateUnknown) {
                // A Pod created before its address is deleted and created again: its first sight stays.
            }
        };
    }

    /** Not atomic, and need not be: a Pod lives in one cluster, whose informer delivers its events one at a time. */
    private void seen(Pod pod, long now) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        String group = labels == null ? null : labels.get(GROUP_LABEL);
        if (group == null) {
            return;
        }
        Map<String, String> annotations = pod.getMetadata().getAnnotations();
        boolean pinned = annotations != null && annotations.containsKey(CALICO_ADDRESS);
        Seen before = pods.get(pod.getMetadata().getName());
        if (before == null || before.pinned() == 0 && pinned) {
            Seen after = new Seen(group, before == null ? now : before.present(), pinned ? now : 0);
            pods.put(pod.getMetadata().getName(), after);
            if (pinned) {
                pinnedPerGroup.computeIfAbsent(group, key -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
        clients.forEach(KubernetesClient::close);
    }
}
