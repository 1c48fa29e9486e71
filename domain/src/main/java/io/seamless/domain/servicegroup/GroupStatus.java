package io.seamless.domain.servicegroup;

/** Where a group stands on the command side; convergence in Kubernetes is reported separately by the reactors. */
public enum GroupStatus {
    /** Recorded; some units still wait for their address. */
    PROVISIONING,
    /** Every unit has an address; the desired state is complete. */
    READY,
    /** Provisioning failed (e.g. an exhausted pool); addresses taken were released; only delete is possible. */
    FAILED,
    /** Stopped on purpose: units are kept with their addresses and volumes but run no pod. */
    STOPPED
}
