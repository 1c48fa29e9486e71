package io.seamless.reactors.unit;

import java.util.Map;
import java.util.TreeMap;

/**
 * The labels of every object Seamless writes: the {@code app.kubernetes.io} recommended ones, so that generic tools
 * understand them, plus Seamless's own to select a group's or a unit's objects exactly.
 */
public final class SeamlessLabels {

    public static final String NAME = "app.kubernetes.io/name";
    public static final String INSTANCE = "app.kubernetes.io/instance";
    public static final String COMPONENT = "app.kubernetes.io/component";
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
    public static final String PART_OF = "app.kubernetes.io/part-of";
    public static final String SERVICE_GROUP = "seamless.io/service-group";
    public static final String UNIT = "seamless.io/unit";
    public static final String SEAMLESS = "seamless";

    private SeamlessLabels() {
    }

    /** A group-wide object's labels (the credentials Secret). */
    public static Map<String, String> group(String engine, String group) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(NAME, engine);
        labels.put(INSTANCE, group);
        labels.put(MANAGED_BY, SEAMLESS);
        labels.put(PART_OF, SEAMLESS);
        labels.put(SERVICE_GROUP, group);
        return labels;
    }

    /** A service-wide object's labels (a headless Service). */
    public static Map<String, String> service(String engine, String group, String service) {
        Map<String, String> labels = group(engine, group);
        labels.put(COMPONENT, service);
        return labels;
    }

    /** A unit's own objects' labels (Unit, Pod, PVCs, ConfigMap). */
    public static Map<String, String> unit(String engine, String group, String service, String unit) {
        Map<String, String> labels = service(engine, group, service);
        labels.put(UNIT, unit);
        return labels;
    }

    /** What a headless Service selects: the Pods of one service of one group. */
    public static Map<String, String> serviceSelector(String group, String service) {
        return Map.of(SERVICE_GROUP, group, COMPONENT, service);
    }
}
