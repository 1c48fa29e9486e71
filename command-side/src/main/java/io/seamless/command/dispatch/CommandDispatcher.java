package io.seamless.command.dispatch;

import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;

/** Sends a command with its audit metadata and waits for its outcome. */
public class CommandDispatcher {

    private final CommandGateway gateway;

    public CommandDispatcher(CommandGateway gateway) {
        this.gateway = gateway;
    }

    @SuppressWarnings("unchecked")
    public <R> CommandOutcome<R> send(Object command, AuditMetadata audit) {
        RecordedEvents.Recorded recorded = gateway.sendAndWait(
                GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
        return new CommandOutcome<>((R) recorded.result(), recorded.eventIds());
    }
}
