package io.seamless.domain.engine;

import io.seamless.domain.common.DomainException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The release lines a template runs and how its image tags are spelled ({@code tagPrefix}: TiDB
 * tags are {@code v8.1.0}). Refuses unsupported versions and downgrades to an older line.
 */
record Versions(String tagPrefix, List<VersionLine> lines) {

    Versions {
        lines = List.copyOf(lines);
    }

    static Versions of(VersionLine... lines) {
        return new Versions("", List.of(lines));
    }

    static Versions tagged(String tagPrefix, VersionLine... lines) {
        return new Versions(tagPrefix, List.of(lines));
    }

    String tag(String version) {
        return tagPrefix + version;
    }

    String describe() {
        return lines.stream().map(VersionLine::describe).collect(Collectors.joining(", "));
    }

    /** The supported line of {@code version}, or UNSUPPORTED_VERSION naming the lines there are. */
    VersionLine requireSupported(String label, String version) {
        Version parsed = Version.parse(version).orElseThrow(() -> new DomainException(EngineError.UNSUPPORTED_VERSION,
                label + " cannot run version '" + version + "': expected a full version such as "
                        + example() + "; supported: " + describe()));
        return lines.stream().filter(line -> line.contains(parsed)).findFirst()
                .orElseThrow(() -> new DomainException(EngineError.UNSUPPORTED_VERSION, label
                        + " does not support version " + version + "; supported: " + describe()));
    }

    /**
     * An in-place change from {@code from} to {@code to}: the target must be supported and must
     * not belong to an older line than {@code from} (8.4.3 to 8.0.36 is refused, 8.0.36 to 8.0.35
     * is not: within a line the engine itself decides).
     */
    void requireUpgrade(String label, String from, String to) {
        VersionLine target = requireSupported(label, to);
        Version current = Version.parse(from).orElseThrow(() -> new DomainException(EngineError.UNSUPPORTED_VERSION,
                label + " cannot upgrade from '" + from + "': not a version"));
        Version currentLine = current.truncated(target.line().depth());
        if (currentLine.compareTo(target.line()) > 0) {
            throw new DomainException(EngineError.VERSION_DOWNGRADE, label + " cannot go from " + from + " down to "
                    + to + ": line " + target.prefix() + " is older than " + currentLine
                    + "; a downgrade across lines needs a new group and a logical restore");
        }
    }

    private String example() {
        VersionLine last = lines.get(lines.size() - 1);
        return last.minimum() != null ? last.minimum() : last.prefix() + (last.line().depth() == 1 ? ".0.0" : ".0");
    }
}
