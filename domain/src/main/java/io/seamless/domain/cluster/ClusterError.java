package io.seamless.domain.cluster;

import io.seamless.domain.common.ErrorCode;
import io.seamless.domain.common.ProblemKind;

/** Why a cluster command was refused. Names and slugs are public: never rename one. */
public enum ClusterError implements ErrorCode {
    INVALID_CLUSTER_NAME(ProblemKind.INVALID, "Invalid cluster name"),
    INVALID_LOCATION(ProblemKind.INVALID, "Invalid site or zone"),
    INVALID_LABEL(ProblemKind.INVALID, "Invalid label"),
    INVALID_CAPACITY(ProblemKind.INVALID, "Invalid capacity"),
    UNKNOWN_IP_POOL(ProblemKind.INVALID, "Unknown IP pool"),
    CLUSTER_EXISTS(ProblemKind.CONFLICT, "Cluster already exists"),
    CLUSTER_HOSTS_UNITS(ProblemKind.CONFLICT, "Cluster still hosts units"),
    CLUSTER_NOT_FOUND(ProblemKind.NOT_FOUND, "Cluster not found");

    private final ProblemKind kind;
    private final String title;

    ClusterError(ProblemKind kind, String title) {
        this.kind = kind;
        this.title = title;
    }

    @Override
    public ProblemKind kind() {
        return kind;
    }

    @Override
    public String title() {
        return title;
    }
}
