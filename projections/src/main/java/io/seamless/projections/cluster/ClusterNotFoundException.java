package io.seamless.projections.cluster;

/** The query names a cluster the read model does not hold (never registered, or removed). */
class ClusterNotFoundException extends RuntimeException {

    ClusterNotFoundException(String cluster) {
        super("cluster '" + cluster + "' does not exist");
    }
}
