package io.seamless.command.audit.digest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.seamless.command.audit.digest.AuditDigest.Head;
import io.seamless.schemas.EventHashes;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signs the heads that moved into the next digest and publishes digests to {@code seamless.audit.digests}.
 * Writing and publishing are apart (an outbox): a digest is first stored, in one transaction with the
 * heads it covers being forgotten, then sent, then marked published; a crash in between sends the same
 * stored bytes again. Two nodes racing for one sequence: the primary key lets one win, the other retries later.
 */
class DigestWriter {

    static final String TOPIC = "seamless.audit.digests";
    /** One key: every digest on one partition, in order. */
    static final String KEY = "digests";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DigestStore store;
    private final SigningKeys keys;
    private final TransactionTemplate transaction;
    private final Producer<String, String> producer;
    private final Clock clock;

    DigestWriter(DigestStore store, SigningKeys keys, TransactionTemplate transaction, Producer<String, String> producer,
                 Clock clock) {
        this.store = store;
        this.keys = keys;
        this.transaction = transaction;
        this.producer = producer;
        this.clock = clock;
    }

    /** Signs and stores a digest of the heads that moved; empty when none did (or another node was first). */
    Optional<AuditDigest> writeDigest() {
        try {
            return Optional.ofNullable(transaction.execute(status -> writeInTransaction()));
        } catch (DuplicateKeyException anotherNodeWasFirst) {
            return Optional.empty();
        }
    }

    /** Sends every digest not acknowledged yet, oldest first; stops at the first failure (retried next time). */
    int publishPending() throws InterruptedException, ExecutionException, TimeoutException {
        int sent = 0;
        for (DigestStore.Stored digest : store.unpublished()) {
            producer.send(new ProducerRecord<>(TOPIC, KEY, digest.document())).get(30, TimeUnit.SECONDS);
            store.markPublished(digest.sequence());
            sent++;
        }
        return sent;
    }

    private AuditDigest writeInTransaction() {
        List<Head> heads = store.movedHeads();
        if (heads.isEmpty()) {
            return null;
        }
        Optional<DigestStore.Stored> previous = store.latest();
        AuditDigest unsigned = new AuditDigest(AuditDigest.API_VERSION, AuditDigest.KIND,
                previous.map(stored -> stored.sequence() + 1).orElse(0L),
                clock.instant().truncatedTo(ChronoUnit.MILLIS).toString(),
                previous.map(DigestStore.Stored::hash).orElse(EventHashes.GENESIS), keys.keyId(), heads, null);
        AuditDigest digest = unsigned.signed(keys.sign(unsigned.signedBytes()));
        store.insert(digest, json(digest));
        return digest;
    }

    private static String json(AuditDigest digest) {
        try {
            return new String(JSON.writeValueAsBytes(digest), StandardCharsets.UTF_8);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write digest " + digest.sequence(), e);
        }
    }
}
