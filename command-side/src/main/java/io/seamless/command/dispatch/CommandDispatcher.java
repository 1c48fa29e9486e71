package io.seamless.command.dispatch;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.seamless.domain.common.DomainException;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.modelling.command.ConcurrencyException;

/**
 * Sends a command with its audit metadata and waits for its outcome, timing each in
 * {@code seamless.commands} by command type and outcome ({@code accepted}, {@code refused}: a domain
 * rule said no, {@code conflict}: lost a concurrency race after the retries, {@code failed}: anything else).
 */
public class CommandDispatcher {

    static final String METER = "seamless.commands";

    private final CommandGateway gateway;
    private final MeterRegistry meters;

    public CommandDispatcher(CommandGateway gateway, MeterRegistry meters) {
        this.gateway = gateway;
        this.meters = meters;
    }

    @SuppressWarnings("unchecked")
    public <R> CommandOutcome<R> send(Object command, AuditMetadata audit) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "failed";
        try {
            RecordedEvents.Recorded recorded = gateway.sendAndWait(
                    GenericCommandMessage.asCommandMessage(command).andMetaData(audit.toMetaData()));
            outcome = "accepted";
            return new CommandOutcome<>((R) recorded.result(), recorded.eventIds());
        } catch (DomainException e) {
            outcome = "refused";
            throw e;
        } catch (ConcurrencyException e) {
            outcome = "conflict";
            throw e;
        } finally {
            sample.stop(Timer.builder(METER).description("commands sent, by type and outcome")
                    .tag("command", command.getClass().getSimpleName()).tag("outcome", outcome)
                    .register(meters));
        }
    }
}
