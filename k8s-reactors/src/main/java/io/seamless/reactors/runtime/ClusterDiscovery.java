package io.seamless.reactors.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Which clusters exist, from {@code seamless.events.cluster} alone (CloudEvents in binary mode): registered and not
 * removed. Only the {@code ce_type} header and the record key (the cluster name, equal to {@code ce_subject}) are
 * read; other cluster events (capacity, cordon) do not change what a reactor does. The set is handed to the
 * supervisor once the topic has been read to its end, and after every change from then on, so that a cluster
 * registered and removed long ago never gets a reactor at start.
 */
final class ClusterDiscovery implements TopicFollower.Listener {

    static final String TOPIC = "seamless.events.cluster";
    static final String REGISTERED = "io.seamless.cluster.ClusterRegistered.v1";
    static final String REMOVED = "io.seamless.cluster.ClusterRemoved.v1";

    private static final Logger LOG = LoggerFactory.getLogger(ClusterDiscovery.class);

    private final ClusterSupervisor supervisor;
    private final Set<String> registered = new TreeSet<>();
    private boolean caughtUp;

    ClusterDiscovery(ClusterSupervisor supervisor) {
        this.supervisor = supervisor;
    }

    @Override
    public void onRecord(ConsumerRecord<String, byte[]> record) {
        String type = header(record, "ce_type");
        String cluster = record.key() != null ? record.key() : header(record, "ce_subject");
        if (cluster == null) {
            return;
        }
        boolean changed;
        if (REGISTERED.equals(type)) {
            changed = registered.add(cluster);
        } else if (REMOVED.equals(type)) {
            changed = registered.remove(cluster);
        } else {
            return;
        }
        if (changed && caughtUp) {
            LOG.info("cluster {} {}", cluster, REGISTERED.equals(type) ? "registered" : "removed");
            supervisor.want(registered);
        }
    }

    @Override
    public void onCaughtUp() {
        caughtUp = true;
        LOG.info("registered clusters: {}", registered);
        supervisor.want(registered);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
