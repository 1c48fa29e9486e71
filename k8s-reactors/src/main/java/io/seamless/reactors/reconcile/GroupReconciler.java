package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.seamless.reactors.desired.DesiredState;
import io.seamless.reactors.desired.DesiredStateReader;
import io.seamless.reactors.desired.InvalidDesiredStateException;
import io.seamless.reactors.render.ClusterObjects;
import io.seamless.reactors.render.ClusterRenderer;
import io.seamless.reactors.render.Credentials;
import io.seamless.reactors.unit.SeamlessLabels;
import io.seamless.reactors.unit.Unit;
import io.seamless.reactors.unit.UnitStatusWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Makes one cluster's objects of one group match the group's whole desired state, level-triggered: it never asks
 * what changed, it renders everything, compares with what is live, and writes only the difference (a resync of a
 * converged group writes nothing). Units first, since the rest names them as owners by uid; then Services,
 * ConfigMaps and the Secret; then deletes what is no longer rendered. A document it cannot act on changes nothing
 * but the Units' {@code Ready} condition, and is a result, never an exception. Not thread-safe for one group: the
 * work queue never reconciles a group twice at once.
 */
public final class GroupReconciler {

    private static final Logger LOG = LoggerFactory.getLogger(GroupReconciler.class);

    private final KubernetesClient client;
    private final String cluster;
    private final String namespace;
    private final ClusterRenderer renderer;
    private final CredentialGenerator credentials;
    private final ObjectApplier applier;
    private final RefusalMarks refusals;
    private final DriftMemory memory = new DriftMemory();

    public GroupReconciler(KubernetesClient client, String cluster, String namespace, ClusterRenderer renderer,
                           CredentialGenerator credentials, Clock clock) {
        this.client = client;
        this.cluster = cluster;
        this.namespace = namespace;
        this.renderer = renderer;
        this.credentials = credentials;
        this.applier = new ObjectApplier(client, namespace);
        this.refusals = new RefusalMarks(new UnitStatusWriter(client, namespace), clock);
    }

    public String cluster() {
        return cluster;
    }

    /** Reconciles from the bytes of a desired-state record; empty: the group was deleted (a tombstone). */
    public ReconcileResult reconcileDocument(String group, Optional<byte[]> json) {
        Optional<DesiredState> desired;
        try {
            desired = json.map(DesiredStateReader::read);
        } catch (InvalidDesiredStateException e) {
            return refuse(group, LiveGroup.read(client, namespace, group), e);
        }
        return reconcile(group, desired);
    }

    /** Reconciles the group to {@code desired}; empty: the group is gone, and so must its objects be. */
    public ReconcileResult reconcile(String group, Optional<DesiredState> desired) {
        LiveGroup live = LiveGroup.read(client, namespace, group);
        ClusterObjects rendered;
        try {
            rendered = desired.isEmpty() ? ClusterObjects.none() : render(group, desired.get(), live);
        } catch (InvalidDesiredStateException e) {
            return refuse(group, live, e);
        }
        ReconcileRun run = new ReconcileRun(group, memory, applier);
        Map<String, String> uids = new HashMap<>();
        for (Unit unit : rendered.units()) {
            Unit applied = run.apply(ManagedKinds.UNITS, unit, live.units());
            uids.put(applied.getMetadata().getName(), applied.getMetadata().getUid());
        }
        ClusterObjects owned = rendered.withOwnerReferences(uids);
        run.applyAll(ManagedKinds.SERVICES, owned.services(), live.services());
        run.applyAll(ManagedKinds.CONFIG_MAPS, owned.configMaps(), live.configMaps());
        run.applyAll(ManagedKinds.SECRETS, owned.secrets(), live.secrets());
        run.deleteUnwanted(Unit.class, live.units(), owned.units());
        run.deleteUnwanted(Service.class, live.services(), owned.services());
        run.deleteUnwanted(ConfigMap.class, live.configMaps(), owned.configMaps());
        run.deleteUnwanted(Secret.class, live.secrets(), owned.secrets());
        refusals.clear(live.units().stream().filter(unit -> uids.containsKey(unit.getMetadata().getName()))
                .toList());
        return run.finish();
    }

    /** The groups that have managed objects in the namespace: a group no document names is an orphan. */
    public Set<String> liveGroups() {
        Set<String> groups = new TreeSet<>();
        Map<String, String> managed = Map.of(SeamlessLabels.MANAGED_BY, SeamlessLabels.SEAMLESS);
        for (Class<? extends HasMetadata> type : List.of(Unit.class, Service.class, ConfigMap.class, Secret.class)) {
            client.resources(type).inNamespace(namespace).withLabels(managed).list().getItems().stream()
                    .map(object -> object.getMetadata().getLabels().get(SeamlessLabels.SERVICE_GROUP))
                    .filter(Objects::nonNull).forEach(groups::add);
        }
        return groups;
    }

    private ClusterObjects render(String group, DesiredState desired, LiveGroup live) {
        if (!desired.name().equals(group)) {
            throw new InvalidDesiredStateException("name", "'" + desired.name() + "' is not the record's key '"
                    + group + "'");
        }
        String secretName = Credentials.secretName(group);
        // By name too: a Secret whose labels were edited away must still keep its passwords.
        Secret secret = LiveGroup.named(live.secrets(), secretName).orElseGet(() ->
                client.secrets().inNamespace(namespace).withName(secretName).get());
        return renderer.render(desired, cluster, namespace, new LiveCredentials(secret, credentials));
    }

    private ReconcileResult refuse(String group, LiveGroup live, InvalidDesiredStateException e) {
        LOG.warn("group {}: desired state refused, nothing changed: {}", group, e.getMessage());
        refusals.mark(live.units(), e.getMessage());
        return ReconcileResult.invalid(group, e.getMessage());
    }
}
