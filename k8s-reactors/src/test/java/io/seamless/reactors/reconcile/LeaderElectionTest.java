package io.seamless.reactors.reconcile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Two replicas of the reactor of one cluster on one API server: one leads, the other takes over when it stops. */
@EnableKubernetesMockClient(crud = true)
class LeaderElectionTest {

    private static final LeaderElection.Timing FAST = new LeaderElection.Timing(Duration.ofSeconds(2),
            Duration.ofMillis(1500), Duration.ofMillis(200));

    KubernetesClient client;
    private final Replica first = new Replica();
    private final Replica second = new Replica();
    private LeaderElection firstElection;
    private LeaderElection secondElection;

    @AfterEach
    void close() {
        firstElection.close();
        secondElection.close();
    }

    @Test
    void exactlyOneReplicaLeadsAndTheOtherTakesOverWhenItStops() {
        firstElection = new LeaderElection(client, "db", "bj-1", "replica-1", FAST, List.of(first));
        secondElection = new LeaderElection(client, "db", "bj-1", "replica-2", FAST, List.of(second));
        firstElection.start();
        secondElection.start();

        await().until(() -> firstElection.isLeader() || secondElection.isLeader());
        await().during(Duration.ofSeconds(2)).until(() -> firstElection.isLeader() ^ secondElection.isLeader());
        LeaderElection leader = firstElection.isLeader() ? firstElection : secondElection;
        LeaderElection follower = leader == firstElection ? secondElection : firstElection;
        Replica leaderWork = leader == firstElection ? first : second;
        Replica followerWork = leader == firstElection ? second : first;
        assertThat(leaderWork.running()).isTrue();
        assertThat(followerWork.starts.get()).isZero();
        Lease lease = client.leases().inNamespace("db").withName("seamless-reactor-bj-1").get();
        assertThat(lease.getSpec().getHolderIdentity()).isEqualTo(leader == firstElection ? "replica-1" : "replica-2");

        leader.close();

        await().atMost(Duration.ofSeconds(10)).until(follower::isLeader);
        assertThat(leaderWork.running()).isFalse();
        assertThat(followerWork.running()).isTrue();
        assertThat(leader.isLeader()).isFalse();
    }

    /** Counts starts and stops of the work a leader runs. */
    private static final class Replica implements LeaderWork {

        final AtomicInteger starts = new AtomicInteger();
        final AtomicInteger stops = new AtomicInteger();

        @Override
        public void start() {
            starts.incrementAndGet();
        }

        @Override
        public void stop() {
            stops.incrementAndGet();
        }

        boolean running() {
            return starts.get() > stops.get();
        }
    }
}
