package io.seamless.command.servicegroup;

import io.seamless.domain.common.DomainException;
import io.seamless.domain.servicegroup.ServiceGroup;
import io.seamless.domain.servicegroup.ServiceGroupCommands;
import io.seamless.domain.servicegroup.ServiceGroupError;
import io.seamless.domain.servicegroup.ServiceGroupView;
import java.util.function.Supplier;
import org.axonframework.eventsourcing.AggregateDeletedException;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.Repository;

/**
 * Reads a group's current state from its aggregate (cache or event store), in a unit of work of
 * its own that records nothing, so that the next operation can be planned against it. The plan is
 * checked again by the aggregate when the command arrives: a change in between is refused, not lost.
 */
class ServiceGroupReader {

    /** Looked up on use: Axon builds its repositories after the Spring beans that need them. */
    private final Supplier<Repository<ServiceGroup>> repository;

    ServiceGroupReader(Supplier<Repository<ServiceGroup>> repository) {
        this.repository = repository;
    }

    ServiceGroupView read(String group) {
        DefaultUnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
        try {
            ServiceGroupView view = repository.get().load(ServiceGroupCommands.aggregateId(group)).invoke(ServiceGroup::view);
            unitOfWork.commit(); // records nothing; a rollback would evict the group from the cache
            return view;
        } catch (AggregateDeletedException e) {
            unitOfWork.rollback(e);
            throw new DomainException(ServiceGroupError.SERVICE_GROUP_NOT_FOUND, "service group '" + group
                    + "' was deleted");
        } catch (AggregateNotFoundException e) {
            unitOfWork.rollback(e);
            throw new DomainException(ServiceGroupError.SERVICE_GROUP_NOT_FOUND, "service group '" + group
                    + "' does not exist");
        }
    }
}
