package io.seamless.domain.servicegroup;

import io.seamless.domain.common.ErrorCode;
import io.seamless.domain.common.ProblemKind;

/** Why a service group command was refused. Names and slugs are public: never rename one. */
public enum ServiceGroupError implements ErrorCode {
    INVALID_SERVICE_SPEC(ProblemKind.INVALID, "Invalid service specification"),
    UNKNOWN_SERVICE(ProblemKind.INVALID, "Unknown service of the group"),
    VOLUME_SHRINK(ProblemKind.INVALID, "Volumes can only grow"),
    NO_PRIMARY(ProblemKind.INVALID, "The topology has no primary"),
    UNKNOWN_UNIT(ProblemKind.INVALID, "Unknown unit of the group"),
    PLACEMENT_MISMATCH(ProblemKind.INVALID, "Placement does not match the group's units"),
    PLACEMENT_INFEASIBLE(ProblemKind.CONFLICT, "No placement satisfies the request"),
    SERVICE_GROUP_EXISTS(ProblemKind.CONFLICT, "Service group already exists"),
    OPERATION_IN_PROGRESS(ProblemKind.CONFLICT, "Another operation is in progress"),
    INVALID_STATE(ProblemKind.CONFLICT, "Operation not possible in the group's state"),
    NOT_A_STANDBY(ProblemKind.CONFLICT, "Service group is not a standby"),
    SERVICE_GROUP_NOT_FOUND(ProblemKind.NOT_FOUND, "Service group not found"),
    OPERATION_NOT_FOUND(ProblemKind.NOT_FOUND, "Operation not found"),
    UNKNOWN_OBSERVATION(ProblemKind.INVALID, "Unknown observation");

    private final ProblemKind kind;
    private final String title;

    ServiceGroupError(ProblemKind kind, String title) {
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
