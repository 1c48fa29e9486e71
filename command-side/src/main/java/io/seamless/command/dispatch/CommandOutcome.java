package io.seamless.command.dispatch;

import java.util.List;

/**
 * What a command produced: the handler's own answer (which carries the aggregate's version where
 * the caller needs it) and the ids of the events it recorded (empty when the command changed
 * nothing, e.g. a repeated allocation).
 */
public record CommandOutcome<R>(R result, List<String> eventIds) {

    public CommandOutcome {
        eventIds = List.copyOf(eventIds);
    }
}
