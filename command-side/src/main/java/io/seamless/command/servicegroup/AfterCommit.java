package io.seamless.command.servicegroup;

import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Runs a wake-up of the {@link AddressProvisioner} once the work it is told about is committed: it must not look
 * before (Axon's own commit may run inside a longer transaction, see ServiceGroupPlanner), or it would find nothing
 * and sleep until its next poll. Outside a transaction the work is committed already, so it runs at once.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    static void run(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }
}
