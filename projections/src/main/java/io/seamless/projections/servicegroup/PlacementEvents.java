package io.seamless.projections.servicegroup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.seamless.projections.support.EventEnvelope;
import io.seamless.projections.support.MalformedEventException;

/**
 * What the desired state needs from the IP pool and cluster topics: a pool's CNI mode and network (each unit's
 * networking) and a cluster's site and zone. Both are fixed when the pool or cluster is created: no later event
 * of theirs changes them, so the other pool and cluster events are of no use here.
 */
final class PlacementEvents {

    static final String POOL_PREFIX = "io.seamless.ippool.";
    static final String CLUSTER_PREFIX = "io.seamless.cluster.";
    static final String POOL_CREATED = POOL_PREFIX + "IpPoolCreated.v1";
    static final String CLUSTER_REGISTERED = CLUSTER_PREFIX + "ClusterRegistered.v1";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private PlacementEvents() {
    }

    static PoolCreated poolCreated(EventEnvelope event) {
        PoolCreated pool = read(event, PoolCreated.class);
        requireSubject(event, pool.pool());
        return pool;
    }

    static ClusterRegistered clusterRegistered(EventEnvelope event) {
        ClusterRegistered cluster = read(event, ClusterRegistered.class);
        requireSubject(event, cluster.cluster());
        return cluster;
    }

    private static <T> T read(EventEnvelope event, Class<T> type) {
        try {
            return JSON.treeToValue(event.data(), type);
        } catch (JsonProcessingException e) {
            throw new MalformedEventException(event.type() + " data not readable: " + e.getOriginalMessage());
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException(event.type() + " data not readable: " + e.getMessage());
        }
    }

    private static void requireSubject(EventEnvelope event, String name) {
        if (!name.equals(event.subject())) {
            throw new MalformedEventException(event.type() + " data names '" + name + "' but ce_subject is '"
                    + event.subject() + "'");
        }
    }

    /** {@code io.seamless.ippool.IpPoolCreated.v1}, the fields a unit's networking takes from it. */
    record PoolCreated(String pool, String cniMode, String network, String cidr) {
        PoolCreated {
            ServiceGroupEvents.required(pool, "pool");
            ServiceGroupEvents.required(cniMode, "cniMode");
            ServiceGroupEvents.required(network, "network");
            ServiceGroupEvents.required(cidr, "cidr");
            prefixLength(cidr);
        }

        /** The CIDR's prefix length, e.g. 24 of {@code 10.20.0.0/24}. */
        int prefixLength() {
            return prefixLength(cidr);
        }

        private static int prefixLength(String cidr) {
            int prefix = cidr.indexOf('/') < 0 ? -1 : parseOrMinusOne(cidr.substring(cidr.indexOf('/') + 1));
            if (prefix < 0 || prefix > 32) {
                throw new MalformedEventException("cidr '" + cidr + "' has no IPv4 prefix length");
            }
            return prefix;
        }

        private static int parseOrMinusOne(String digits) {
            try {
                return Integer.parseInt(digits);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }

    /** {@code io.seamless.cluster.ClusterRegistered.v1}, the failure domains of the units placed on it. */
    record ClusterRegistered(String cluster, String site, String zone) {
        ClusterRegistered {
            ServiceGroupEvents.required(cluster, "cluster");
            ServiceGroupEvents.required(site, "site");
            ServiceGroupEvents.required(zone, "zone");
        }
    }
}
