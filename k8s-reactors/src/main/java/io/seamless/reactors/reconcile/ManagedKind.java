package io.seamless.reactors.reconcile;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.seamless.reactors.unit.Unit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * What Seamless owns of one kind of object, and only that: the rendered labels (others may add theirs), the owner
 * references to Units, and the kind's content. Comparing only those keeps a resync silent on a real API server,
 * which defaults and adds fields the renderer never sets; merging into the live object keeps what others own
 * (finalizers, status, server-assigned fields) and its {@code resourceVersion}, for an optimistic update.
 *
 * @param <T> the kind
 */
abstract class ManagedKind<T extends HasMetadata> {

    static final String LABELS = "labels";
    static final String OWNER_REFERENCES = "ownerReferences";

    private final Class<T> type;

    ManagedKind(Class<T> type) {
        this.type = type;
    }

    Class<T> type() {
        return type;
    }

    /** The parts of {@code live} that differ from {@code desired}, in a stable order; empty: in sync. */
    final List<String> differences(T desired, T live) {
        List<String> differences = new ArrayList<>();
        if (!labels(live).entrySet().containsAll(labels(desired).entrySet())) {
            differences.add(LABELS);
        }
        if (!unitReferences(live.getMetadata()).equals(new HashSet<>(references(desired.getMetadata())))) {
            differences.add(OWNER_REFERENCES);
        }
        differences.addAll(contentDifferences(desired, live));
        return differences;
    }

    /** A copy of {@code live} with everything Seamless owns taken from {@code desired}. */
    final T merged(T desired, T live) {
        T merged = Serialization.clone(live);
        ObjectMeta metadata = merged.getMetadata();
        Map<String, String> labels = new TreeMap<>(labels(live));
        labels.putAll(labels(desired));
        metadata.setLabels(labels);
        List<OwnerReference> references = new ArrayList<>(references(metadata));
        references.removeIf(ManagedKind::isUnitReference);
        references.addAll(references(desired.getMetadata()));
        metadata.setOwnerReferences(references);
        mergeContent(desired, merged);
        return merged;
    }

    /** The names of the kind-specific parts that differ, e.g. {@code spec} or {@code data}. */
    abstract List<String> contentDifferences(T desired, T live);

    /** Writes the kind-specific parts of {@code desired} into {@code target}, a copy of the live object. */
    abstract void mergeContent(T desired, T target);

    private static Map<String, String> labels(HasMetadata object) {
        Map<String, String> labels = object.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }

    private static List<OwnerReference> references(ObjectMeta metadata) {
        return metadata.getOwnerReferences() == null ? List.of() : metadata.getOwnerReferences();
    }

    private static Set<OwnerReference> unitReferences(ObjectMeta metadata) {
        Set<OwnerReference> units = new HashSet<>();
        references(metadata).stream().filter(ManagedKind::isUnitReference).forEach(units::add);
        return units;
    }

    private static boolean isUnitReference(OwnerReference reference) {
        return Unit.API_VERSION.equals(reference.getApiVersion()) && Unit.KIND.equals(reference.getKind());
    }
}
