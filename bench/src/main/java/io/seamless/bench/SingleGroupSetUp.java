package io.seamless.bench;

/** The smallest real set-up of the history benchmarks: a /N pool, one cluster on it, one Redis sentinel group. */
final class SingleGroupSetUp {

    private SingleGroupSetUp() {
    }

    /** Creates the pool ({@code cidr}, gateway its first address), the cluster {@code <pool>-1} and the group. */
    static void create(RestClient http, String pool, String cidr, String gateway, String cluster, String group)
            throws Exception {
        expect(201, http.postJson("/api/v1/ip-pools", "{\"name\": \"" + pool + "\", \"cidr\": \"" + cidr + "\","
                + " \"gateway\": \"" + gateway + "\", \"cniMode\": \"calico\", \"network\": \"calico-" + pool + "\"}"));
        expect(201, http.postJson("/api/v1/clusters", "{\"name\": \"" + cluster + "\", \"site\": \"beijing\","
                + " \"zone\": \"a\", \"capacity\": {\"cpu\": \"64\", \"memory\": \"256Gi\", \"storage\": \"10Ti\"},"
                + " \"ipPools\": [\"" + pool + "\"]}"));
        expect(202, http.postJson("/api/v1/service-groups", "{\"name\": \"" + group + "\", \"engine\": \"redis\","
                + " \"version\": \"7.2.4\", \"topology\": \"sentinel\", \"services\": {\"redis\": {\"replicas\": 2,"
                + " \"ipPool\": \"" + pool + "\"}, \"sentinel\": {\"replicas\": 3, \"ipPool\": \"" + pool + "\"}}}"));
    }

    static void expect(int status, int actual) {
        if (status != actual) {
            throw new IllegalStateException("expected HTTP " + status + " but got " + actual);
        }
    }
}
