package io.seamless.domain.cluster;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Register a Kubernetes cluster on which units may be placed. {@code labels} and {@code ipPools} are
 * optional. Copied as given (nulls included), so that the aggregate can say exactly what is wrong.
 */
public record RegisterCluster(String cluster, String site, String zone, Map<String, String> labels,
                              Capacity capacity, List<String> ipPools) {

    public RegisterCluster {
        labels = labels == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        ipPools = ipPools == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(ipPools));
    }
}
