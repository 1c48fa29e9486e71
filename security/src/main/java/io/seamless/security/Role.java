package io.seamless.security;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The roles of the API. Every endpoint declares the one it needs ({@link RequiresRole}); a caller
 * holding a role that {@linkplain #implies implies} it is let in. {@code admin} implies every role;
 * every other role implies {@code viewer} as well, since whoever may change a thing may read it.
 */
public enum Role {
    /** Reads of the current state: pools, clusters, service groups, operations, desired state. */
    VIEWER,
    /** Service-group operations: create, scale, upgrade, restart, switchover, delete. */
    OPERATOR,
    /** IP pools and their allocations. */
    NETWORK_ADMIN,
    /** Clusters: register, capacity, cordon, remove. */
    CLUSTER_ADMIN,
    /** History, verification, export and replay. */
    AUDITOR,
    /** API tokens, and everything else. */
    ADMIN;

    /** The name on the wire, in tokens, JWT claims and the OpenAPI document: {@code network-admin}. */
    public String wireName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** The Spring Security authority a caller with this role holds. */
    public String authority() {
        return "ROLE_" + wireName();
    }

    public boolean implies(Role needed) {
        return this == needed || this == ADMIN || needed == VIEWER;
    }

    public static Optional<Role> fromWireName(String name) {
        return Arrays.stream(values()).filter(role -> role.wireName().equals(name)).findFirst();
    }

    public static Optional<Role> fromAuthority(String authority) {
        return authority.startsWith("ROLE_") ? fromWireName(authority.substring(5)) : Optional.empty();
    }
}
