package io.seamless.domain.engine;

/**
 * How many replicas a function type may have (per shard for sharded types); {@code odd} for quorum
 * members; {@code multipleOf} for types laid out evenly over zones (OceanBase observers: 3).
 */
public record ReplicaRule(int min, int max, boolean odd, int multipleOf) {

    public ReplicaRule {
        if (multipleOf < 1) {
            throw new IllegalArgumentException("multipleOf must be at least 1, got " + multipleOf);
        }
    }

    public ReplicaRule(int min, int max, boolean odd) {
        this(min, max, odd, 1);
    }

    public static ReplicaRule between(int min, int max) {
        return new ReplicaRule(min, max, false);
    }

    public static ReplicaRule oddBetween(int min, int max) {
        return new ReplicaRule(min, max, true);
    }

    public static ReplicaRule exactly(int count) {
        return new ReplicaRule(count, count, false);
    }

    /** e.g. {@code multiplesOf(3, 3, 99)}: 3, 6, 9 ... 99. */
    public static ReplicaRule multiplesOf(int step, int min, int max) {
        return new ReplicaRule(min, max, false, step);
    }

    public boolean allows(int replicas) {
        return replicas >= min && replicas <= max && (!odd || replicas % 2 == 1) && replicas % multipleOf == 0;
    }

    /** For error messages: "an odd number from 3 to 9", "a multiple of 3 from 3 to 99". */
    public String describe() {
        if (min == max) {
            return "exactly " + min;
        }
        if (multipleOf > 1) {
            return "a multiple of " + multipleOf + " from " + min + " to " + max;
        }
        return (odd ? "an odd number from " : "from ") + min + " to " + max;
    }
}
