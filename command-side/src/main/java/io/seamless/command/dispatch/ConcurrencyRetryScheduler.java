package io.seamless.command.dispatch;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.gateway.AbstractRetryScheduler;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Retries a command only when another writer appended to the same aggregate first, with a
 * capped, jittered exponential back-off so that two nodes contending for one pool take turns
 * instead of colliding again in lock step. Everything else (a refusal, a broken database) is
 * final: retrying it would only repeat it.
 */
class ConcurrencyRetryScheduler extends AbstractRetryScheduler {

    private final long baseMillis;
    private final long capMillis;

    ConcurrencyRetryScheduler(Builder builder) {
        super(builder);
        this.baseMillis = builder.baseMillis;
        this.capMillis = builder.capMillis;
    }

    static Builder builder() {
        return new Builder();
    }

    /** Axon's default walks the cause chain, and a JDBC cause would make a conflict look final. */
    @Override
    protected boolean isExplicitlyNonTransient(Throwable failure) {
        return !(failure instanceof ConcurrencyException);
    }

    @Override
    protected long computeRetryInterval(CommandMessage commandMessage, RuntimeException lastFailure,
                                        List<Class<? extends Throwable>[]> failures) {
        int attempt = Math.min(failures.size(), 16);
        long ceiling = Math.min(capMillis, baseMillis << attempt);
        return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
    }

    static final class Builder extends AbstractRetryScheduler.Builder<Builder> {

        private final long baseMillis = 2;
        private final long capMillis = 200;

        ConcurrencyRetryScheduler build() {
            return new ConcurrencyRetryScheduler(this);
        }
    }
}
