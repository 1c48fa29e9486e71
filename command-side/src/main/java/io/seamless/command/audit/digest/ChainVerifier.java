package io.seamless.command.audit.digest;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.CloudEvent;
import io.seamless.command.audit.HashChain;
import io.seamless.command.audit.digest.VerificationReport.Broken;
import io.seamless.command.audit.digest.VerificationReport.DigestCheck;
import io.seamless.command.publication.CloudEventMapper;
import io.seamless.schemas.EventHashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.serialization.SerializationException;

/**
 * Verifies one aggregate's history from the event store: recomputes every event's hash from its public
 * form, checks each links to the one before, and checks the newest signed digest that covers it. The
 * public form is the one the event was recorded (and hashed) in: an event recorded at an older version
 * of its type is checked at that version, with its recorded data, not as it reads once upcast.
 */
class ChainVerifier {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EventStore events;
    private final CloudEventMapper mapper;
    private final DigestStore digests;
    private final SigningKeys keys;

    ChainVerifier(EventStore events, CloudEventMapper mapper, DigestStore digests, SigningKeys keys) {
        this.events = events;
        this.mapper = mapper;
        this.digests = digests;
        this.keys = keys;
    }

    /** @param aggregateId the store's id ({@code servicegroup:orders-db}); empty when it has no events */
    Optional<VerificationReport> verify(String aggregateId) {
        DomainEventStream stream = events.readEvents(aggregateId, 0);
        if (!stream.hasNext()) {
            return Optional.empty();
        }
        Walk walk = new Walk();
        String topic = null;
        String subject = null;
        while (stream.hasNext()) {
            DomainEventMessage<?> event;
            try {
                event = stream.next();
            } catch (SerializationException unreadable) {
                walk.broken = new Broken(walk.count, "unreadable", "a stored event", unreadable.getMessage());
                break;
            }
            ProducerRecord<String, CloudEvent> record = mapper.toRecordedForm(event).orElseThrow();
            topic = record.topic();
            subject = record.key();
            walk.step(event, record.value());
        }
        DigestCheck digest = digestOf(topic, subject, walk.hashes).orElse(null);
        boolean intact = walk.broken == null && (digest == null || digest.genuine());
        long uncovered = walk.count - (digest == null ? 0 : digest.headSequence() + 1);
        return Optional.of(new VerificationReport(topic, subject, intact, walk.count, walk.broken, digest,
                Math.max(0, uncovered)));
    }

    /** The state of a walk along one chain: the previous hash, every recomputed hash, the first break. */
    private static final class Walk {
        private final Map<Long, String> hashes = new HashMap<>();
        private String previous = EventHashes.GENESIS;
        private long count;
        private Broken broken;

        void step(DomainEventMessage<?> event, CloudEvent publicForm) {
            long sequence = event.getSequenceNumber();
            String recomputed = HashChain.hashOf(publicForm);
            String stored = String.valueOf(event.getMetaData().get(HashChain.HASH));
            String prevhash = String.valueOf(event.getMetaData().get(HashChain.PREVHASH));
            hashes.put(sequence, recomputed);
            if (broken == null) {
                if (sequence != count) {
                    broken = new Broken(count, "missing", "sequence " + count, "sequence " + sequence);
                } else if (!prevhash.equals(previous)) {
                    broken = new Broken(sequence, "unlinked", previous, prevhash);
                } else if (!recomputed.equals(stored)) {
                    broken = new Broken(sequence, "altered", stored, recomputed);
                }
            }
            previous = stored;
            count++;
        }
    }

    private Optional<DigestCheck> digestOf(String topic, String subject, Map<Long, String> recomputed) {
        return digests.newestCovering(topic, subject).map(stored -> {
            AuditDigest digest = parse(stored.document());
            boolean signatureValid = SigningKeys.verify(keys.publicKey(), digest.signedBytes(), digest.signature());
            boolean linked = digest.sequence() == 0 ? EventHashes.GENESIS.equals(digest.previousDigest())
                    : digests.find(digest.sequence() - 1).map(before -> parse(before.document()).hash()
                    .equals(digest.previousDigest())).orElse(false);
            AuditDigest.Head head = digest.heads().stream()
                    .filter(h -> h.topic().equals(topic) && h.subject().equals(subject)).findFirst().orElseThrow();
            return new DigestCheck(digest.sequence(), signatureValid, linked, head.sequence(),
                    head.hash().equals(recomputed.get(head.sequence())));
        });
    }

    private static AuditDigest parse(String document) {
        try {
            return JSON.readValue(document, AuditDigest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("a stored digest is not readable", e);
        }
    }
}
