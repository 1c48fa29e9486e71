package io.seamless.command.audit.digest;

import io.seamless.command.audit.digest.AuditDigest.Head;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The digest tables: heads that moved since the last digest, and every digest (an outbox for Kafka). */
class DigestStore {

    private final JdbcClient jdbc;

    DigestStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored digest: its sequence, hash and document as signed. */
    record Stored(long sequence, String hash, String document) {
    }

    /** Records that a chain's head moved; an older head (a redelivered event) changes nothing. */
    void moveHead(Head head) {
        int moved = jdbc.sql("UPDATE audit_digest_head SET event_sequence = ?, event_hash = ? WHERE topic = ?"
                        + " AND subject = ? AND event_sequence < ?")
                .params(head.sequence(), head.hash(), head.topic(), head.subject(), head.sequence()).update();
        if (moved == 0 && jdbc.sql("SELECT COUNT(*) FROM audit_digest_head WHERE topic = ? AND subject = ?")
                .params(head.topic(), head.subject()).query(Long.class).single() == 0) {
            jdbc.sql("INSERT INTO audit_digest_head (topic, subject, event_sequence, event_hash) VALUES (?, ?, ?, ?)")
                    .params(head.topic(), head.subject(), head.sequence(), head.hash()).update();
        }
    }

    List<Head> movedHeads() {
        return jdbc.sql("SELECT topic, subject, event_sequence, event_hash FROM audit_digest_head ORDER BY topic, subject")
                .query((rs, row) -> new Head(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4))).list();
    }

    Optional<Stored> latest() {
        return jdbc.sql("SELECT digest_sequence, digest_hash, document FROM audit_digest"
                        + " ORDER BY digest_sequence DESC LIMIT 1")
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /**
     * Stores a new digest and forgets the heads it covers (unless they moved again meanwhile).
     * @throws org.springframework.dao.DuplicateKeyException when another node stored this sequence first
     */
    void insert(AuditDigest digest, String document) {
        jdbc.sql("INSERT INTO audit_digest (digest_sequence, digest_hash, document, published) VALUES (?, ?, ?, FALSE)")
                .params(digest.sequence(), digest.hash(), document).update();
        for (Head head : digest.heads()) {
            jdbc.sql("INSERT INTO audit_digest_entry (digest_sequence, topic, subject, event_sequence) VALUES (?, ?, ?, ?)")
                    .params(digest.sequence(), head.topic(), head.subject(), head.sequence()).update();
            jdbc.sql("DELETE FROM audit_digest_head WHERE topic = ? AND subject = ? AND event_sequence = ?")
                    .params(head.topic(), head.subject(), head.sequence()).update();
        }
    }

    List<Stored> unpublished() {
        return jdbc.sql("SELECT digest_sequence, digest_hash, document FROM audit_digest WHERE published = FALSE"
                        + " ORDER BY digest_sequence")
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    void markPublished(long sequence) {
        jdbc.sql("UPDATE audit_digest SET published = TRUE WHERE digest_sequence = ?").param(sequence).update();
    }

    /** The newest digest that covers this chain, if any. */
    Optional<Stored> newestCovering(String topic, String subject) {
        return jdbc.sql("SELECT d.digest_sequence, d.digest_hash, d.document FROM audit_digest d"
                        + " JOIN audit_digest_entry e ON e.digest_sequence = d.digest_sequence"
                        + " WHERE e.topic = ? AND e.subject = ? ORDER BY d.digest_sequence DESC LIMIT 1")
                .params(topic, subject)
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }

    /** Every digest that covers this chain, oldest first. */
    List<Stored> covering(String topic, String subject) {
        return jdbc.sql("SELECT d.digest_sequence, d.digest_hash, d.document FROM audit_digest d"
                        + " JOIN audit_digest_entry e ON e.digest_sequence = d.digest_sequence"
                        + " WHERE e.topic = ? AND e.subject = ? ORDER BY d.digest_sequence")
                .params(topic, subject)
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3))).list();
    }

    Optional<Stored> find(long sequence) {
        return jdbc.sql("SELECT digest_sequence, digest_hash, document FROM audit_digest WHERE digest_sequence = ?")
                .param(sequence)
                .query((rs, row) -> new Stored(rs.getLong(1), rs.getString(2), rs.getString(3))).optional();
    }
}
