package io.seamless.domain.common;

import java.math.BigDecimal;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Kubernetes resource quantities, as exact whole numbers: CPU in millicores, memory and storage in
 * bytes. Parsing accepts what operators write in Kubernetes manifests ({@code "64"}, {@code "2.5"},
 * {@code "500m"}; {@code "256Gi"}, {@code "1G"}, {@code "1073741824"}) and refuses, rather than
 * rounds, anything that is not a whole number of millicores or bytes: a quantity that changes when
 * it is written back is a quantity nobody asked for. Exponent forms ({@code "1e3"}) are refused too.
 * Formatting gives one canonical text per value, so that equal quantities compare equal as text.
 */
public final class Quantity {

    private static final int MAX_LENGTH = 64;
    private static final String NUMBER = "([0-9]+(?:\\.[0-9]+)?)";
    private static final Pattern CPU = Pattern.compile(NUMBER + "(m?)");
    private static final Pattern BYTES = Pattern.compile(NUMBER + "(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?");
    private static final Pattern MILLI_BYTES = Pattern.compile(NUMBER + "m");

    /** Largest first, so that among equally short forms formatting keeps the first it finds. */
    private static final List<Suffix> BINARY = List.of(new Suffix("Ei", 1L << 60), new Suffix("Pi", 1L << 50),
            new Suffix("Ti", 1L << 40), new Suffix("Gi", 1L << 30), new Suffix("Mi", 1L << 20), new Suffix("Ki", 1L << 10));
    private static final List<Suffix> DECIMAL = List.of(new Suffix("E", 1_000_000_000_000_000_000L),
            new Suffix("P", 1_000_000_000_000_000L), new Suffix("T", 1_000_000_000_000L), new Suffix("G", 1_000_000_000L),
            new Suffix("M", 1_000_000L), new Suffix("k", 1_000L));

    private record Suffix(String symbol, long factor) {
    }

    private Quantity() {
    }

    /** {@code "64"} -> 64000, {@code "2.5"} -> 2500, {@code "500m"} -> 500. */
    public static long cpuMillis(String text) {
        Matcher matcher = match(CPU, text, "CPU", "use cores ('2', '2.5') or millicores ('500m')");
        BigDecimal number = new BigDecimal(matcher.group(1));
        BigDecimal millis = matcher.group(2).isEmpty() ? number.movePointRight(3) : number;
        return exact(millis, text, "millicores", "is finer than a millicore (1m)");
    }

    /** {@code "256Gi"} -> 274877906944, {@code "1G"} -> 1000000000, {@code "512"} -> 512. */
    public static long bytes(String text) {
        if (text != null && MILLI_BYTES.matcher(text).matches()) {
            String number = text.substring(0, text.length() - 1);
            throw invalid("'" + text + "' means thousandths of a byte; did you mean '" + number + "M' (10^6 bytes) or '"
                    + number + "Mi' (2^20 bytes)?");
        }
        Matcher matcher = match(BYTES, text, "byte", "use bytes ('1073741824') or a suffix Ki, Mi, Gi, Ti, Pi, Ei"
                + " (powers of 1024) or k, M, G, T, P, E (powers of 1000), e.g. '256Gi'");
        BigDecimal number = new BigDecimal(matcher.group(1));
        String symbol = matcher.group(2);
        BigDecimal bytes = symbol == null ? number : number.multiply(BigDecimal.valueOf(factorOf(symbol)));
        return exact(bytes, text, "bytes", "is not a whole number of bytes");
    }

    /** Whole cores without suffix ({@code "64"}), anything else in millicores ({@code "2500m"}), as Kubernetes does. */
    public static String formatCpu(long millis) {
        requireNonNegative(millis);
        return millis % 1000 == 0 ? Long.toString(millis / 1000) : millis + "m";
    }

    /**
     * The shortest exact form: a power-of-1024 suffix ({@code "256Gi"}), a power-of-1000 one ({@code "8G"})
     * or plain bytes ({@code "1536"}); on a tie, powers of 1024 win. {@code 0} is {@code "0"}.
     */
    public static String formatBytes(long bytes) {
        requireNonNegative(bytes);
        String shortest = Long.toString(bytes);
        if (bytes == 0) {
            return shortest;
        }
        for (List<Suffix> suffixes : List.of(BINARY, DECIMAL)) {
            for (Suffix suffix : suffixes) {
                String candidate = bytes / suffix.factor() + suffix.symbol();
                if (bytes % suffix.factor() == 0 && candidate.length() < shortest.length()) {
                    shortest = candidate;
                }
            }
        }
        return shortest;
    }

    private static Matcher match(Pattern pattern, String text, String what, String hint) {
        if (text == null || text.isEmpty()) {
            throw invalid("a " + what + " quantity is required");
        }
        if (text.startsWith("-")) {
            throw invalid("'" + text + "' is not a " + what + " quantity: it cannot be negative");
        }
        Matcher matcher = pattern.matcher(text);
        if (text.length() > MAX_LENGTH || !matcher.matches()) {
            throw invalid("'" + text + "' is not a " + what + " quantity: " + hint);
        }
        return matcher;
    }

    private static long exact(BigDecimal value, String text, String unit, String fraction) {
        if (value.stripTrailingZeros().scale() > 0) {
            throw invalid("'" + text + "' " + fraction);
        }
        try {
            return value.longValueExact();
        } catch (ArithmeticException e) {
            throw invalid("'" + text + "' is more than Seamless can count (" + Long.MAX_VALUE + " " + unit + ")");
        }
    }

    private static long factorOf(String symbol) {
        return Stream.concat(BINARY.stream(), DECIMAL.stream())
                .filter(suffix -> suffix.symbol().equals(symbol))
                .findFirst().orElseThrow().factor();
    }

    private static void requireNonNegative(long value) {
        if (value < 0) {
            throw new IllegalArgumentException("a quantity cannot be negative: " + value);
        }
    }

    private static DomainException invalid(String detail) {
        return new DomainException(QuantityError.INVALID_QUANTITY, detail);
    }
}
