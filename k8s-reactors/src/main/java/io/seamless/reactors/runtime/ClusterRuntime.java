package io.seamless.reactors.runtime;

import io.seamless.reactors.reconcile.ClusterReactor;
import io.seamless.reactors.reconcile.LeaderElection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Everything running for one cluster: its connection, its reactor (fed by the process's desired-state fan-out) and
 * the leader election that runs the reactor and the Unit controller while this replica leads. Closing releases the
 * lease (another replica takes over at once), stops the work, then closes the client and any sandbox.
 */
final class ClusterRuntime implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterRuntime.class);

    private final ClusterConnection connection;
    private final ClusterReactor reactor;
    private final LeaderElection election;
    private final DesiredStateFanOut feed;

    ClusterRuntime(ClusterConnection connection, ClusterReactor reactor, LeaderElection election,
                   DesiredStateFanOut feed) {
        this.connection = connection;
        this.reactor = reactor;
        this.election = election;
        this.feed = feed;
    }

    String cluster() {
        return connection.cluster();
    }

    @Override
    public void close() {
        feed.unsubscribe(reactor);
        try {
            election.close();
        } finally {
            connection.close();
        }
        LOG.info("cluster {}: reactor stopped", cluster());
    }
}
