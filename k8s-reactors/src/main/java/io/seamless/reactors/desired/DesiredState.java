package io.seamless.reactors.desired;

import java.util.List;

/**
 * One service group's whole desired state, as published by the projections. Optional fields are null when
 * absent; {@link DesiredStateReader} has checked every required one.
 *
 * @param version           the sequence of the last group event folded in (compare documents, not versions)
 * @param stopped           no unit runs a pod, but units keep their addresses and volumes
 * @param restartGeneration bumped by every restart: it goes into the pod template so that a restart changes the pod
 */
public record DesiredState(String apiVersion, String kind, String name, long version, String engine,
                           String topology, String engineVersion, String status, boolean stopped, String standbyOf,
                           String primary, long restartGeneration, List<DesiredUnit> units) {

    /** The newest format; v2 added {@code units[].networking.prefixLength}. */
    public static final String API_VERSION = "seamless.io/v2";
    /** Every format this reader accepts: a compacted topic keeps a v1 document until its group is rendered again. */
    public static final List<String> API_VERSIONS = List.of("seamless.io/v1", API_VERSION);
    public static final String KIND = "ServiceGroupDesiredState";

    public DesiredState {
        units = List.copyOf(units);
    }

    /** The units placed on {@code cluster}, in the document's order. */
    public List<DesiredUnit> unitsOn(String cluster) {
        return units.stream().filter(unit -> unit.cluster().equals(cluster)).toList();
    }
}
