package io.seamless.domain.engine;

/**
 * A release line an engine template supports, e.g. {@code 8.0} (every 8.0.x) or {@code 3} from
 * {@code 3.7.0}. The line's depth is what counts as "major" for upgrades: MySQL's 8.0 and 8.4 are
 * different lines, Kafka's 3.7 and 3.9 are the same line.
 */
record VersionLine(String prefix, String minimum) {

    static VersionLine of(String prefix) {
        return new VersionLine(prefix, null);
    }

    static VersionLine from(String prefix, String minimum) {
        return new VersionLine(prefix, minimum);
    }

    Version line() {
        return Version.line(prefix);
    }

    boolean contains(Version version) {
        return version.startsWith(line())
                && (minimum == null || version.compareTo(Version.parse(minimum).orElseThrow()) >= 0);
    }

    /** For error messages: {@code 8.0.x} or {@code 3.x from 3.7.0}. */
    String describe() {
        return prefix + ".x" + (minimum == null ? "" : " from " + minimum);
    }
}
