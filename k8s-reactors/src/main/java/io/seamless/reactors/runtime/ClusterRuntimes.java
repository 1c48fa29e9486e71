package io.seamless.reactors.runtime;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.seamless.reactors.cni.CniStrategies;
import io.seamless.reactors.cni.SriovSettings;
import io.seamless.reactors.observation.ObservationSink;
import io.seamless.reactors.reconcile.ClusterReactor;
import io.seamless.reactors.reconcile.CrdInstaller;
import io.seamless.reactors.reconcile.CredentialGenerator;
import io.seamless.reactors.reconcile.GroupReconciler;
import io.seamless.reactors.reconcile.LeaderElection;
import io.seamless.reactors.reconcile.ReactorSettings;
import io.seamless.reactors.render.ClusterRenderer;
import io.seamless.reactors.unit.SeamlessLabels;
import io.seamless.reactors.unit.UnitController;
import io.seamless.reactors.unit.UnitPodRenderer;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts what runs for one cluster, in order: connect (real or sandbox), install or upgrade the Unit CRD, create the
 * namespace if absent, then subscribe the cluster's reactor to the desired state and campaign for its lease. A
 * failure undoes what was started and is thrown: the supervisor retries with back-off.
 */
final class ClusterRuntimes {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRuntimes.class);

    private final ClusterConnections connections;
    private final ReactorsProperties properties;
    private final String identity;
    private final DesiredStateFanOut feed;
    private final ObservationSink sink;
    private final Clock clock;
    private final CniStrategies cni = CniStrategies.standard(SriovSettings.defaults());

    ClusterRuntimes(ClusterConnections connections, ReactorsProperties properties, String identity,
                    DesiredStateFanOut feed, ObservationSink sink, Clock clock) {
        this.connections = connections;
        this.properties = properties;
        this.identity = identity;
        this.feed = feed;
        this.sink = sink;
        this.clock = clock;
    }

    boolean manages(String cluster) {
        return connections.manages(cluster);
    }

    /** The running cluster; empty when this process does not manage it. */
    Optional<ClusterRuntime> start(String cluster) {
        Optional<ClusterConnection> opened = connections.open(cluster);
        if (opened.isEmpty()) {
            return Optional.empty();
        }
        ClusterConnection connection = opened.get();
        try {
            return Optional.of(start(connection));
        } catch (RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    private ClusterRuntime start(ClusterConnection connection) {
        KubernetesClient client = connection.client();
        String cluster = connection.cluster();
        String namespace = properties.namespace();
        new CrdInstaller(client).install();
        ensureNamespace(client, namespace);
        ReactorSettings settings = properties.reactorSettings();
        ClusterReactor reactor = new ClusterReactor(new GroupReconciler(client, cluster, namespace,
                new ClusterRenderer(cni), new CredentialGenerator(), clock), settings, sink, clock);
        UnitController units = new UnitController(client, cluster, namespace, new UnitPodRenderer(cni), sink, clock,
                settings);
        LeaderElection election = new LeaderElection(client, namespace, cluster, identity,
                properties.lease().timing(), List.of(reactor, units));
        ClusterRuntime runtime = new ClusterRuntime(connection, reactor, election, feed);
        feed.subscribe(reactor);
        try {
            election.start();
        } catch (RuntimeException e) {
            feed.unsubscribe(reactor);
            throw e;
        }
        LOG.info("cluster {}: reactor started ({}), namespace {}, campaigning for its lease as {}", cluster,
                connection.isSandbox() ? "sandbox" : "kubeconfig", namespace, identity);
        return runtime;
    }

    private static void ensureNamespace(KubernetesClient client, String namespace) {
        if (client.namespaces().withName(namespace).get() != null) {
            return;
        }
        try {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .addToLabels(SeamlessLabels.MANAGED_BY, SeamlessLabels.SEAMLESS).endMetadata().build()).create();
            LOG.info("namespace {} created", namespace);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                throw e;
            }
        }
    }
}
