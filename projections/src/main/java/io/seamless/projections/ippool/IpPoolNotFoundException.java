package io.seamless.projections.ippool;

/** The query names a pool the read model does not hold (never created, or deleted). */
class IpPoolNotFoundException extends RuntimeException {

    private final String pool;

    IpPoolNotFoundException(String pool) {
        super("IP pool '" + pool + "' does not exist");
        this.pool = pool;
    }

    String pool() {
        return pool;
    }
}
