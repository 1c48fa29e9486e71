package io.seamless.command.ippool;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.ippool.Cidr;
import io.seamless.domain.ippool.CreateIpPool;
import io.seamless.domain.ippool.IpPoolCreated;
import io.seamless.domain.ippool.IpPoolDeleted;
import io.seamless.domain.ippool.IpPoolError;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Set-based validation of pools, which no single aggregate can see: pool names are unique and
 * two pools on the same CNI network never overlap. The lookup table is written by a subscribing
 * event handler, in the transaction that records the events; the check runs inside the command's
 * transaction, under a row lock that serialises pool creations across every node.
 */
public class IpPoolRegistry implements MessageHandlerInterceptor<CommandMessage<?>> {

    static final String PROCESSING_GROUP = "ippool-registry";

    private final JdbcClient jdbc;

    public IpPoolRegistry(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Object handle(UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) throws Exception {
        if (unitOfWork.getMessage().getPayload() instanceof CreateIpPool create) {
            check(create);
        }
        return chain.proceed();
    }

    void check(CreateIpPool create) {
        jdbc.sql("SELECT id FROM ip_pool_creation_lock WHERE id = 1 FOR UPDATE").query(Integer.class).single();
        if (exists(create.pool())) {
            throw new DomainException(IpPoolError.IP_POOL_EXISTS, "IP pool '" + create.pool()
                    + "' already exists (names of deleted pools are not reused)");
        }
        Cidr cidr = Cidr.parse(create.cidr());
        overlapping(create.network(), cidr).ifPresent(other -> {
            throw new DomainException(IpPoolError.IP_POOL_OVERLAP, create.cidr() + " overlaps IP pool '" + other
                    + "' on network '" + create.network() + "'");
        });
    }

    @ProcessingGroup(PROCESSING_GROUP)
    static class Projector {

        private final JdbcClient jdbc;

        Projector(JdbcClient jdbc) {
            this.jdbc = jdbc;
        }

        @EventHandler
        void on(IpPoolCreated event) {
            Cidr cidr = Cidr.parse(event.cidr());
            jdbc.sql("INSERT INTO ip_pool_registry (name, network, cidr, first_address, last_address) VALUES (?, ?, ?, ?, ?)")
                    .params(event.pool(), event.network(), event.cidr(), cidr.first(), cidr.last())
                    .update();
        }

        @EventHandler
        void on(IpPoolDeleted event) {
            jdbc.sql("UPDATE ip_pool_registry SET deleted = TRUE WHERE name = ?").param(event.pool()).update();
        }
    }

    /** Which of the given names are pools that exist now (not deleted), e.g. to check a cluster's references. */
    public Set<String> existing(Collection<String> pools) {
        if (pools.isEmpty()) {
            return Set.of();
        }
        return Set.copyOf(jdbc.sql("SELECT name FROM ip_pool_registry WHERE name IN (:names) AND deleted = FALSE")
                .param("names", pools)
                .query(String.class).list());
    }

    private boolean exists(String pool) {
        return jdbc.sql("SELECT COUNT(*) FROM ip_pool_registry WHERE name = ?").param(pool)
                .query(Long.class).single() > 0;
    }

    private Optional<String> overlapping(String network, Cidr cidr) {
        return jdbc.sql("SELECT name FROM ip_pool_registry WHERE network = ? AND deleted = FALSE"
                        + " AND first_address <= ? AND last_address >= ? ORDER BY name")
                .params(network, cidr.last(), cidr.first())
                .query(String.class).list().stream().findFirst();
    }
}
