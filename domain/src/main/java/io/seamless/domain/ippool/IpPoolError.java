package io.seamless.domain.ippool;

import io.seamless.domain.common.ErrorCode;
import io.seamless.domain.common.ProblemKind;

/** Why an IP pool command was refused. Names and slugs are public: never rename one. */
public enum IpPoolError implements ErrorCode {
    INVALID_CIDR(ProblemKind.INVALID, "Invalid CIDR"),
    IP_POOL_TOO_LARGE(ProblemKind.INVALID, "IP pool too large"),
    INVALID_ADDRESS(ProblemKind.INVALID, "Invalid IPv4 address"),
    GATEWAY_OUTSIDE_CIDR(ProblemKind.INVALID, "Gateway outside the pool's CIDR"),
    EXCLUDED_OUTSIDE_CIDR(ProblemKind.INVALID, "Excluded addresses outside the pool's CIDR"),
    UNKNOWN_CNI_MODE(ProblemKind.INVALID, "Unknown CNI mode"),
    INVALID_VLAN(ProblemKind.INVALID, "Invalid VLAN id"),
    ADDRESS_OUTSIDE_POOL(ProblemKind.INVALID, "Address outside the pool"),
    ADDRESS_NOT_ASSIGNABLE(ProblemKind.INVALID, "Address not assignable"),
    IP_POOL_EXISTS(ProblemKind.CONFLICT, "IP pool already exists"),
    IP_POOL_OVERLAP(ProblemKind.CONFLICT, "IP pool overlaps another pool"),
    IP_POOL_EXHAUSTED(ProblemKind.CONFLICT, "IP pool exhausted"),
    ADDRESS_IN_USE(ProblemKind.CONFLICT, "Address already in use"),
    UNIT_HOLDS_OTHER_ADDRESS(ProblemKind.CONFLICT, "Unit already holds another address"),
    IP_POOL_HAS_ALLOCATIONS(ProblemKind.CONFLICT, "IP pool still has allocations"),
    IP_POOL_NOT_FOUND(ProblemKind.NOT_FOUND, "IP pool not found");

    private final ProblemKind kind;
    private final String title;

    IpPoolError(ProblemKind kind, String title) {
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
