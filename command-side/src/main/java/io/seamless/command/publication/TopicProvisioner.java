package io.seamless.command.publication;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the topics of DESIGN.md that do not exist yet. Event topics keep everything forever
 * (they are the compliance record); desired state is compacted. Existing topics are left as
 * they are: a retention changed by an operator is never undone here.
 */
public class TopicProvisioner {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioner.class);
    private static final Map<String, String> FOREVER = Map.of(
            TopicConfig.RETENTION_MS_CONFIG, "-1", TopicConfig.RETENTION_BYTES_CONFIG, "-1");
    private static final long WEEK_MS = TimeUnit.DAYS.toMillis(7);

    private final Admin admin;
    private final int partitions;
    private final short replicationFactor;

    public TopicProvisioner(Admin admin, int partitions, short replicationFactor) {
        this.admin = admin;
        this.partitions = partitions;
        this.replicationFactor = replicationFactor;
    }

    /** Returns normally once every topic exists; throws when Kafka cannot be reached. */
    public void provision() throws ExecutionException, InterruptedException {
        Set<String> existing = admin.listTopics().names().get();
        List<NewTopic> missing = wanted().stream().filter(topic -> !existing.contains(topic.name())).toList();
        if (missing.isEmpty()) {
            return;
        }
        try {
            admin.createTopics(missing).all().get();
            LOG.info("Created Kafka topics {}", missing.stream().map(NewTopic::name).toList());
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof org.apache.kafka.common.errors.TopicExistsException)) {
                throw e;
            }
        }
    }

    List<NewTopic> wanted() {
        List<NewTopic> topics = new ArrayList<>();
        EventTopics.AGGREGATES.forEach(aggregate -> topics.add(topic(EventTopics.eventsTopic(aggregate), FOREVER)));
        topics.add(topic("seamless.desired-state", Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
                TopicConfig.CLEANUP_POLICY_COMPACT)));
        topics.add(topic("seamless.observations", Map.of(TopicConfig.RETENTION_MS_CONFIG, Long.toString(WEEK_MS))));
        topics.add(topic("seamless.audit.digests", FOREVER));
        return topics;
    }

    private NewTopic topic(String name, Map<String, String> config) {
        return new NewTopic(name, partitions, replicationFactor).configs(config);
    }
}
