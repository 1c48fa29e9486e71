package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** One reconcile of one group: applies and deletes object by object, and keeps the tally of what it wrote. */
final class ReconcileRun {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileRun.class);

    private final String group;
    private final DriftMemory memory;
    private final ObjectApplier applier;
    private final List<Change> changes = new ArrayList<>();
    private final List<Correction> corrections = new ArrayList<>();
    private final Map<String, String> inSync = new HashMap<>();
    private boolean requeue;

    ReconcileRun(String group, DriftMemory memory, ObjectApplier applier) {
        this.group = group;
        this.memory = memory;
        this.applier = applier;
    }

    /** Makes {@code desired} live; the object as the server holds it (a Unit's uid comes from here). */
    <T extends HasMetadata> T apply(ManagedKind<T> kind, T desired, List<T> live) {
        String name = desired.getMetadata().getName();
        T current = LiveGroup.named(live, name).orElse(null);
        if (current != null && current.getMetadata().getDeletionTimestamp() != null) {
            // Scaled in and out again before its finalizer ran: recreate it once it is gone.
            LOG.info("group {}: {} {} is still being deleted; trying again later", group, desired.getKind(), name);
            requeue = true;
            return current;
        }
        ObjectApplier.Applied<T> applied = applier.apply(kind, desired, current);
        if (applied.action() != null) {
            changes.add(new Change(desired.getKind(), name, applied.action()));
            if (memory.sameAsLastTime(group, desired)) {
                String what = applied.action() == Change.Action.CREATED ? "recreated"
                        : String.join(", ", applied.differences());
                corrections.add(new Correction(desired.getKind(), name, what));
            }
            LOG.info("group {}: {} {} {}{}", group, desired.getKind(), name, applied.action(),
                    applied.differences().isEmpty() ? "" : " " + applied.differences());
        }
        inSync.put(DriftMemory.key(desired), DriftMemory.digest(desired));
        return applied.object();
    }

    <T extends HasMetadata> void applyAll(ManagedKind<T> kind, List<T> desired, List<T> live) {
        desired.forEach(object -> apply(kind, object, live));
    }

    /** Deletes every live object of the kind that is not rendered any more. */
    <T extends HasMetadata> void deleteUnwanted(Class<T> type, List<T> live, List<T> rendered) {
        Set<String> wanted = rendered.stream().map(object -> object.getMetadata().getName())
                .collect(Collectors.toSet());
        for (T object : live) {
            String name = object.getMetadata().getName();
            if (!wanted.contains(name) && object.getMetadata().getDeletionTimestamp() == null) {
                applier.delete(type, name);
                changes.add(new Change(object.getKind(), name, Change.Action.DELETED));
                LOG.info("group {}: {} {} DELETED (no longer desired here)", group, object.getKind(), name);
            }
        }
    }

    ReconcileResult finish() {
        memory.remember(group, inSync);
        return new ReconcileResult(group, ReconcileResult.Outcome.APPLIED, changes, corrections, null, requeue);
    }
}
