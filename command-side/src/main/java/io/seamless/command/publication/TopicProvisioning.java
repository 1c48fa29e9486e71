package io.seamless.command.publication;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Provisions the topics at start, in the background: commands are accepted while Kafka is down
 * (the events wait in the store), so start-up must not wait for Kafka either.
 */
class TopicProvisioning implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(TopicProvisioning.class);
    private static final long RETRY_MS = 2_000;

    private final TopicProvisioner provisioner;
    private final AtomicBoolean running = new AtomicBoolean();
    private Thread thread;

    TopicProvisioning(TopicProvisioner provisioner) {
        this.provisioner = provisioner;
    }

    @Override
    public void start() {
        running.set(true);
        thread = new Thread(this::provisionUntilDone, "seamless-topic-provisioning");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void stop() {
        running.set(false);
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running.get();
    }

    private void provisionUntilDone() {
        while (running.get()) {
            try {
                provisioner.provision();
                return;
            } catch (ExecutionException e) {
                LOG.warn("Kafka topics not provisioned yet, retrying in {} ms: {}", RETRY_MS, e.getCause().toString());
                pause();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_MS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running.set(false);
        }
    }
}
