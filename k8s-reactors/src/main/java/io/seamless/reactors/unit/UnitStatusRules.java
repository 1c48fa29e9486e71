package io.seamless.reactors.unit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.seamless.reactors.cni.CniPinning;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Unit's status from what is live, a pure function: {@code phase} and {@code podIP} from the Pod, {@code Ready}
 * from the Pod's own Ready condition, {@code AddressBound} from the pinning: the CNI's annotations are on the Pod
 * and, once it has an address, it is the unit's. For Multus modes the pinned address is on a secondary interface,
 * so the Pod's {@code network-status} annotation counts as well as {@code status.podIP}.
 */
final class UnitStatusRules {

    static final String NETWORK_STATUS = "k8s.v1.cni.cncf.io/network-status";
    private static final ObjectMapper JSON = new ObjectMapper();

    private UnitStatusRules() {
    }

    /** {@code pod}: the live Pod, or null. A {@code Ready} the group reconciler set to refuse a document is kept. */
    static UnitStatus compute(Unit unit, Pod pod, CniPinning pinning, Instant now) {
        Long generation = unit.getMetadata().getGeneration();
        UnitStatus current = unit.getStatus();
        List<UnitStatus.Condition> conditions = current == null ? List.of() : current.conditions();
        if (!UnitConditions.refused(current)) {
            conditions = UnitConditions.with(conditions, ready(unit, pod, pinning, generation), now);
        }
        conditions = UnitConditions.with(conditions, addressBound(unit, pod, pinning, generation), now);
        String podIP = pod == null || pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        return new UnitStatus(phase(unit, pod), generation, conditions, podIP);
    }

    private static String phase(Unit unit, Pod pod) {
        if (unit.getSpec().stopped()) {
            return UnitStatus.STOPPED;
        }
        String podPhase = pod == null || pod.getStatus() == null ? null : pod.getStatus().getPhase();
        if ("Running".equals(podPhase)) {
            return UnitStatus.RUNNING;
        }
        // A database whose process exited has failed, whatever the exit code.
        return "Failed".equals(podPhase) || "Succeeded".equals(podPhase) ? UnitStatus.FAILED : UnitStatus.PENDING;
    }

    private static UnitStatus.Condition ready(Unit unit, Pod pod, CniPinning pinning, Long generation) {
        if (unit.getSpec().stopped()) {
            return condition(UnitStatus.READY, UnitConditions.FALSE, "Stopped", "the group is stopped", generation);
        }
        if (UnitPodRenderer.awaitsPinning(pinning)) {
            return condition(UnitStatus.READY, UnitConditions.FALSE, pinning.unboundReason(),
                    "no Pod until the unit's address can be pinned", generation);
        }
        if (pod == null) {
            return condition(UnitStatus.READY, UnitConditions.FALSE, "PodMissing", "no Pod yet", generation);
        }
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            return condition(UnitStatus.READY, UnitConditions.FALSE, "PodTerminating", "the Pod is being deleted",
                    generation);
        }
        if (UnitStatus.FAILED.equals(phase(unit, pod))) {
            return condition(UnitStatus.READY, UnitConditions.FALSE, "PodFailed", pod.getStatus().getMessage(),
                    generation);
        }
        PodCondition podReady = pod.getStatus() == null || pod.getStatus().getConditions() == null ? null
                : pod.getStatus().getConditions().stream().filter(c -> "Ready".equals(c.getType())).findFirst()
                        .orElse(null);
        if (podReady != null && "True".equals(podReady.getStatus())) {
            return condition(UnitStatus.READY, UnitConditions.TRUE, "PodReady", null, generation);
        }
        return condition(UnitStatus.READY, UnitConditions.FALSE, "PodNotReady",
                podReady == null || podReady.getMessage() == null ? "waiting for the Pod to be ready"
                        : podReady.getMessage(), generation);
    }

    private static UnitStatus.Condition addressBound(Unit unit, Pod pod, CniPinning pinning, Long generation) {
        String type = UnitStatus.ADDRESS_BOUND;
        if (!pinning.isBound()) {
            return condition(type, UnitConditions.FALSE, pinning.unboundReason(), null, generation);
        }
        if (pod == null) {
            return condition(type, UnitConditions.FALSE, unit.getSpec().stopped() ? "Stopped" : "PodMissing", null,
                    generation);
        }
        Map<String, String> annotations = pod.getMetadata().getAnnotations() == null ? Map.of()
                : pod.getMetadata().getAnnotations();
        if (!annotations.entrySet().containsAll(pinning.annotations().entrySet())) {
            return condition(type, UnitConditions.FALSE, "PinningMissing",
                    "the Pod lacks the CNI's pinning annotations", generation);
        }
        String address = unit.getSpec().networking().address();
        String podIP = pod.getStatus() == null ? null : pod.getStatus().getPodIP();
        if (podIP == null) {
            return condition(type, UnitConditions.UNKNOWN, "PodIPPending", "the Pod has no address yet", generation);
        }
        if (address.equals(podIP) || networkStatusHas(annotations.get(NETWORK_STATUS), address)) {
            return condition(type, UnitConditions.TRUE, "AddressPinned", address, generation);
        }
        return condition(type, UnitConditions.FALSE, "AddressMismatch", "the Pod has " + podIP
                + ", the unit's address is " + address, generation);
    }

    private static boolean networkStatusHas(String networkStatus, String address) {
        if (networkStatus == null) {
            return false;
        }
        try {
            for (JsonNode network : JSON.readTree(networkStatus)) {
                for (JsonNode ip : network.path("ips")) {
                    if (Objects.equals(address, ip.asText())) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    private static UnitStatus.Condition condition(String type, String status, String reason, String message,
                                                  Long generation) {
        return new UnitStatus.Condition(type, status, reason, message, null, generation);
    }
}
