package io.seamless.command.servicegroup;

import io.seamless.command.dispatch.AuditMetadata;
import io.seamless.command.dispatch.CommandDispatcher;
import io.seamless.command.servicegroup.ServiceGroupProperties.ReleaseAddressesAfter;
import io.seamless.domain.common.DomainException;
import io.seamless.domain.ippool.AddressAssignment;
import io.seamless.domain.ippool.AllocateAddresses;
import io.seamless.domain.ippool.ReleaseAddress;
import io.seamless.domain.servicegroup.ServiceGroupCommands.AssignUnitAddresses;
import io.seamless.domain.servicegroup.ServiceGroupCommands.FailOperation;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Takes addresses from the IP pools for units that wait for one, and gives back the addresses of
 * removed units: a level-triggered loop over the work list the {@link ServiceGroupLedger} keeps
 * in the database, woken after every commit that adds to it and every {@code poll} otherwise.
 * A removed unit's address goes back only once the reactor of its cluster reported its Pod and Unit
 * gone ({@link UnitReleases}), unless {@code release-addresses-after} says {@code immediately}.
 * Every command it sends is idempotent (an allocation for a unit returns that unit's address,
 * a release of a released unit records nothing), so doing a step twice after a crash is harmless.
 * When a pool refuses (exhausted, unknown), the addresses already taken for the operation are
 * released and the operation is recorded as failed with the pool's reason.
 *
 * <p>Every command node runs one. Two of them working on the same operation get the same
 * addresses (allocation is idempotent per unit) and the second assignment records nothing; if one
 * records the operation failed while the other still allocates, the latter's assignment is refused
 * and it gives back what it took.
 */
class AddressProvisioner implements SmartLifecycle {

    static final String ACTOR = "system:address-provisioner";
    /** The releases whose unit the reactor of its cluster reported gone (rows older than the gate name no cluster). */
    private static final String UNIT_RELEASED = " WHERE EXISTS (SELECT 1 FROM servicegroup_unit_released r"
            + " WHERE r.unit_id = p.unit_id AND (p.cluster IS NULL OR r.cluster = p.cluster))";
    private static final Logger log = LoggerFactory.getLogger(AddressProvisioner.class);

    private final JdbcClient jdbc;
    private final CommandDispatcher dispatcher;
    private final Duration poll;
    private final ReleaseAddressesAfter releaseAfter;
    private final Semaphore wakeUps = new Semaphore(0);
    private volatile boolean running;
    private Thread worker;

    AddressProvisioner(JdbcClient jdbc, CommandDispatcher dispatcher, Duration poll,
                       ReleaseAddressesAfter releaseAfter) {
        this.jdbc = jdbc;
        this.dispatcher = dispatcher;
        this.poll = poll;
        this.releaseAfter = releaseAfter;
    }

    /** Called after a commit that added work; cheap and safe from any thread. */
    void wake() {
        wakeUps.release();
    }

    @Override
    public synchronized void start() {
        running = true;
        worker = new Thread(this::loop, "seamless-address-provisioner");
        worker.setDaemon(true);
        worker.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        wake();
        try {
            worker.join(Duration.ofSeconds(10).toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void loop() {
        while (running) {
            try {
                wakeUps.tryAcquire(poll.toMillis(), TimeUnit.MILLISECONDS);
                wakeUps.drainPermits();
                if (running) {
                    runOnce();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                log.warn("Address provisioning failed, retrying in {}: {}", poll, e.toString());
            }
        }
    }

    /** One pass over the whole work list. Package-private for tests. */
    void runOnce() {
        jdbc.sql("SELECT DISTINCT operation_id, service_group FROM servicegroup_pending_address ORDER BY operation_id")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2))).list()
                .forEach(operation -> provision(operation.get(0), operation.get(1)));
        String gate = releaseAfter == ReleaseAddressesAfter.IMMEDIATELY ? "" : UNIT_RELEASED;
        jdbc.sql("SELECT p.unit_id, p.ip_pool, p.service_group FROM servicegroup_pending_release p" + gate
                        + " ORDER BY p.unit_id")
                .query((rs, row) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).list()
                .forEach(release -> release(release.get(0), release.get(1), release.get(2)));
    }

    /** One all-or-nothing allocation per pool for the units of the operation, then one assignment. */
    private void provision(String operationId, String group) {
        Map<String, List<String>> unitsByPool = new LinkedHashMap<>();
        jdbc.sql("SELECT unit_id, ip_pool FROM servicegroup_pending_address WHERE operation_id = ?"
                        + " ORDER BY ip_pool, unit_id")
                .param(operationId)
                .query((rs, row) -> unitsByPool.computeIfAbsent(rs.getString(2), pool -> new ArrayList<>())
                        .add(rs.getString(1)))
                .list();
        AuditMetadata audit = audit(operationId, "addresses for operation " + operationId);
        Map<String, String> addresses = new LinkedHashMap<>();
        Map<String, String> poolOf = new LinkedHashMap<>();
        for (Map.Entry<String, List<String>> pool : unitsByPool.entrySet()) {
            try {
                List<AddressAssignment> taken = dispatcher.<List<AddressAssignment>>send(
                        new AllocateAddresses(pool.getKey(), pool.getValue()), audit).result();
                taken.forEach(assignment -> {
                    addresses.put(assignment.unit(), assignment.address());
                    poolOf.put(assignment.unit(), pool.getKey());
                });
            } catch (DomainException | AggregateNotFoundException e) {
                giveBack(poolOf, audit);
                fail(group, operationId, pool.getValue().size() + " unit(s) got no address from IP pool '"
                        + pool.getKey() + "': " + e.getMessage(), audit);
                return;
            }
        }
        try {
            dispatcher.send(new AssignUnitAddresses(group, operationId, addresses), audit);
        } catch (DomainException | AggregateNotFoundException e) {
            // Another node settled the operation meanwhile (e.g. recorded it failed): keep no address for it.
            giveBack(poolOf, audit);
            log.warn("Service group {}: operation {} no longer waits for addresses, gave {} back: {}", group,
                    operationId, poolOf.size(), e.getMessage());
            return;
        }
        log.info("Service group {}: operation {} got {} address(es)", group, operationId, addresses.size());
    }

    private void giveBack(Map<String, String> poolOfUnit, AuditMetadata audit) {
        poolOfUnit.forEach((unit, pool) -> dispatcher.send(new ReleaseAddress(pool, unit), audit));
    }

    private void fail(String group, String operationId, String reason, AuditMetadata audit) {
        dispatcher.send(new FailOperation(group, operationId, reason), audit);
        log.warn("Service group {}: operation {} failed: {}", group, operationId, reason);
    }

    /** Released, then forgotten: a crash in between sends the release again, which records nothing. */
    private void release(String unit, String pool, String group) {
        String reason = "unit " + unit + " of " + group + (releaseAfter == ReleaseAddressesAfter.IMMEDIATELY
                ? " removed" : " removed and its Pod gone");
        try {
            dispatcher.send(new ReleaseAddress(pool, unit), audit(group, reason));
        } catch (DomainException | AggregateNotFoundException e) {
            log.warn("Service group {}: address of unit {} in IP pool {} not released: {}", group, unit, pool,
                    e.getMessage());
        }
        jdbc.sql("DELETE FROM servicegroup_pending_release WHERE unit_id = ?").param(unit).update();
        jdbc.sql("DELETE FROM servicegroup_unit_released WHERE unit_id = ?").param(unit).update();
    }

    private static AuditMetadata audit(String correlationId, String reason) {
        return new AuditMetadata(ACTOR, reason, null, correlationId);
    }
}
