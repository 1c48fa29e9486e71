package io.seamless.command.dispatch;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.messaging.InterceptorChain;
import org.axonframework.messaging.MessageDispatchInterceptor;
import org.axonframework.messaging.MessageHandlerInterceptor;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;

/**
 * Collects the ids of the events a command records, so that the Command API can answer with
 * them. Two halves of one mechanism: an event dispatch interceptor notes every event published
 * inside the command's unit of work; a command handler interceptor wraps the handler's result.
 */
public final class RecordedEvents {

    private static final String RESOURCE = RecordedEvents.class.getName();

    private RecordedEvents() {
    }

    public static MessageDispatchInterceptor<EventMessage<?>> eventInterceptor() {
        return new MessageDispatchInterceptor<>() {
            @Override
            public BiFunction<Integer, EventMessage<?>, EventMessage<?>> handle(List<? extends EventMessage<?>> messages) {
                return (index, event) -> {
                    CurrentUnitOfWork.ifStarted(unitOfWork -> recorded(unitOfWork).add(event.getIdentifier()));
                    return event;
                };
            }
        };
    }

    public static MessageHandlerInterceptor<CommandMessage<?>> commandInterceptor() {
        return (UnitOfWork<? extends CommandMessage<?>> unitOfWork, InterceptorChain chain) -> {
            List<String> ids = recorded(unitOfWork);
            return new Recorded(chain.proceed(), ids);
        };
    }

    /**
     * The handler's result and the ids of its events. Events are intercepted when the unit of work
     * prepares to commit, after the handler returned: {@code eventIds} is complete only once the
     * command's unit of work committed, i.e. when the gateway hands this back to the caller.
     */
    record Recorded(Object result, List<String> eventIds) {
    }

    private static List<String> recorded(UnitOfWork<?> unitOfWork) {
        return unitOfWork.root().getOrComputeResource(RESOURCE, key -> new ArrayList<>());
    }
}
