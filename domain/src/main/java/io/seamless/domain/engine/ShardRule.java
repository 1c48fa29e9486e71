package io.seamless.domain.engine;

/** How many shards a topology takes; {@link #NONE} when it is not sharded. */
public record ShardRule(int min, int max) {

    public static final ShardRule NONE = new ShardRule(0, 0);

    public boolean sharded() {
        return max > 0;
    }

    public boolean allows(int shards) {
        return shards >= min && shards <= max;
    }
}
