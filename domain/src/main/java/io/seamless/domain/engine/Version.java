package io.seamless.domain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An engine version as Seamless compares it: its numeric components ({@code 8.0.36}) and an
 * optional build suffix that takes no part in ordering ({@code 4.2.1.8-108000022024072217}).
 */
record Version(List<Integer> numbers, String suffix) implements Comparable<Version> {

    /** At least major.minor.patch: a group runs one exact version, never a floating tag. */
    private static final Pattern FULL = Pattern.compile("(\\d{1,6}(?:\\.\\d{1,6}){2,})(-[0-9A-Za-z.]+)?");

    Version {
        numbers = List.copyOf(numbers);
    }

    static Optional<Version> parse(String text) {
        Matcher matcher = text == null ? null : FULL.matcher(text);
        if (matcher == null || !matcher.matches()) {
            return Optional.empty();
        }
        List<Integer> numbers = new ArrayList<>();
        for (String part : matcher.group(1).split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        return Optional.of(new Version(numbers, matcher.group(2) == null ? "" : matcher.group(2)));
    }

    /** A prefix such as {@code 8.0} or {@code 7}: a release line, not a version. */
    static Version line(String prefix) {
        List<Integer> numbers = new ArrayList<>();
        for (String part : prefix.split("\\.")) {
            numbers.add(Integer.parseInt(part));
        }
        return new Version(numbers, "");
    }

    boolean startsWith(Version line) {
        return numbers.size() >= line.numbers.size()
                && numbers.subList(0, line.numbers.size()).equals(line.numbers);
    }

    /** The first {@code depth} components: the release line this version belongs to at that depth. */
    Version truncated(int depth) {
        return new Version(numbers.subList(0, Math.min(depth, numbers.size())), "");
    }

    int depth() {
        return numbers.size();
    }

    @Override
    public int compareTo(Version other) {
        for (int i = 0; i < Math.max(numbers.size(), other.numbers.size()); i++) {
            int mine = i < numbers.size() ? numbers.get(i) : 0;
            int theirs = i < other.numbers.size() ? other.numbers.get(i) : 0;
            if (mine != theirs) {
                return Integer.compare(mine, theirs);
            }
        }
        return 0;
    }

    @Override
    public String toString() {
        return String.join(".", numbers.stream().map(String::valueOf).toList()) + suffix;
    }
}
