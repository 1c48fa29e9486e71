package io.seamless.domain.engine;

import java.util.List;

/** One rendered configuration file of a unit, e.g. {@code my.cnf}, and its whole content. */
public record ConfigFile(String name, String content) {

    /** A file of these lines, each ended by a newline. */
    public static ConfigFile lines(String name, List<String> lines) {
        return new ConfigFile(name, String.join("\n", lines) + "\n");
    }
}
