package io.seamless.reactors.render;

/**
 * One key of a group's credentials Secret and what kind of value it holds, so that the {@link CredentialSource}
 * generates the right thing the one time it has to (a Kafka cluster id is not a password).
 */
public record CredentialKey(String name, Kind kind) {

    /** What a generator must produce. */
    public enum Kind {
        /** A random password of letters and digits (safe in any config file syntax). */
        PASSWORD,
        /** A MongoDB replica-set key file: 6 to 1024 base64 characters. */
        KEYFILE,
        /** A KRaft cluster id: a UUID as 22 characters of URL-safe base64, as {@code kafka-storage random-uuid}. */
        CLUSTER_ID
    }
}
