package io.seamless.projections.servicegroup;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the desired-state topic, compacted, when it does not exist: the last record of a key is then the
 * group's current document, and a tombstone lets Kafka forget a deleted group. It must exist before the first
 * document is sent, or a broker that creates topics on first use would create it with deletion by age. An
 * existing topic is left as it is (the command side provisions the same topic with the same settings).
 *
 * @param name              the topic, {@code seamless.desired-state} in production
 * @param partitions        partitions of a new topic ({@code seamless.kafka.topics.partitions})
 * @param replicationFactor replicas of a new topic ({@code seamless.kafka.topics.replication-factor})
 */
record DesiredStateTopic(String name, int partitions, short replicationFactor) {

    private static final Logger log = LoggerFactory.getLogger(DesiredStateTopic.class);
    private static final long TIMEOUT_SECONDS = 30;

    /** Returns once the topic exists; throws when Kafka cannot be reached. The caller closes the admin client. */
    void provision(Admin admin) throws ExecutionException, InterruptedException, TimeoutException {
        if (admin.listTopics().names().get(TIMEOUT_SECONDS, TimeUnit.SECONDS).contains(name)) {
            return;
        }
        NewTopic topic = new NewTopic(name, partitions, replicationFactor)
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            log.info("Desired state: created the compacted topic {} ({} partitions, replication factor {})",
                    name, partitions, replicationFactor);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
