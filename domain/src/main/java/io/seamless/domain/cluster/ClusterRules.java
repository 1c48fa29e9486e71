package io.seamless.domain.cluster;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.common.Quantity;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.ToLongFunction;
import java.util.regex.Pattern;

/**
 * The invariants of a cluster's description, checked before anything is applied. Site, zone and
 * labels follow Kubernetes label syntax because they end up as labels and topology keys of the
 * objects placed there; a value Kubernetes would refuse is refused here, when the operator can fix it.
 */
final class ClusterRules {

    /** Bounds what one cluster's events and registry row can hold. */
    static final int MAX_LABELS = 64;
    static final int MAX_IP_POOLS = 64;

    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Pattern DNS_1123_SUBDOMAIN = Pattern.compile(
            "[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern LABEL_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    private static final String LABEL_SYNTAX = "at most 63 letters, digits, '-', '_' or '.', starting and ending"
            + " with a letter or digit";

    private ClusterRules() {
    }

    static String name(String cluster) {
        if (cluster == null || cluster.length() > 63 || !DNS_1123_LABEL.matcher(cluster).matches()) {
            throw new DomainException(ClusterError.INVALID_CLUSTER_NAME, "'" + cluster + "' is not a cluster name:"
                    + " use at most 63 lower-case letters, digits and '-', starting and ending with a letter or digit");
        }
        return cluster;
    }

    static void location(String site, String zone) {
        checkLocation("site", site);
        checkLocation("zone", zone);
    }

    /** The labels sorted by key, once every key and value is one Kubernetes would accept. */
    static Map<String, String> labels(Map<String, String> labels) {
        if (labels.size() > MAX_LABELS) {
            throw new DomainException(ClusterError.INVALID_LABEL, labels.size() + " labels given; a cluster has at most "
                    + MAX_LABELS);
        }
        labels.forEach(ClusterRules::checkLabel);
        return Collections.unmodifiableMap(new TreeMap<>(labels));
    }

    /** The capacity in canonical form; CPU and memory must be more than nothing, storage may be none. */
    static Capacity capacity(Capacity given) {
        if (given == null) {
            throw new DomainException(ClusterError.INVALID_CAPACITY, "a capacity (cpu, memory, storage) is required");
        }
        long cpu = parse("cpu", given.cpu(), Quantity::cpuMillis);
        long memory = parse("memory", given.memory(), Quantity::bytes);
        long storage = parse("storage", given.storage(), Quantity::bytes);
        if (cpu == 0 || memory == 0) {
            throw new DomainException(ClusterError.INVALID_CAPACITY, "a cluster without CPU or memory can host no unit"
                    + " (cpu " + given.cpu() + ", memory " + given.memory() + "); cordon it instead");
        }
        return new Capacity(Quantity.formatCpu(cpu), Quantity.formatBytes(memory), Quantity.formatBytes(storage));
    }

    /** The pool names, sorted and without repeats: the set of pools is what counts. */
    static List<String> ipPools(List<String> ipPools) {
        if (ipPools.size() > MAX_IP_POOLS) {
            throw new DomainException(ClusterError.UNKNOWN_IP_POOL, ipPools.size() + " IP pools given; a cluster uses"
                    + " at most " + MAX_IP_POOLS);
        }
        for (String pool : ipPools) {
            if (pool == null || pool.length() > 63 || !DNS_1123_LABEL.matcher(pool).matches()) {
                throw new DomainException(ClusterError.UNKNOWN_IP_POOL, "'" + pool + "' is not an IP pool name");
            }
        }
        return ipPools.stream().sorted().distinct().toList();
    }

    private static void checkLocation(String what, String value) {
        if (value == null || value.isBlank()) {
            throw new DomainException(ClusterError.INVALID_LOCATION, "the cluster's " + what + " is required");
        }
        if (!isLabelName(value)) {
            throw new DomainException(ClusterError.INVALID_LOCATION, what + " '" + value + "' must be " + LABEL_SYNTAX);
        }
    }

    private static void checkLabel(String key, String value) {
        int slash = key == null ? -1 : key.indexOf('/');
        String prefix = slash < 0 ? null : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean prefixOk = prefix == null || (prefix.length() <= 253 && DNS_1123_SUBDOMAIN.matcher(prefix).matches());
        if (key == null || !prefixOk || !isLabelName(name)) {
            throw new DomainException(ClusterError.INVALID_LABEL, "label key '" + key + "' must be a name of "
                    + LABEL_SYNTAX + ", optionally after a DNS subdomain prefix and '/' (e.g. 'example.com/tier')");
        }
        if (value == null || (!value.isEmpty() && !isLabelName(value))) {
            throw new DomainException(ClusterError.INVALID_LABEL, "value '" + value + "' of label '" + key
                    + "' must be empty or " + LABEL_SYNTAX);
        }
    }

    private static boolean isLabelName(String text) {
        return text.length() <= 63 && LABEL_NAME.matcher(text).matches();
    }

    private static long parse(String field, String text, ToLongFunction<String> parser) {
        try {
            return parser.applyAsLong(text);
        } catch (DomainException e) {
            throw new DomainException(e.errorCode(), "capacity." + field + ": " + Objects.requireNonNull(e.getMessage()));
        }
    }
}
