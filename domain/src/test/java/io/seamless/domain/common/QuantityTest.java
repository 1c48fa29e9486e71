package io.seamless.domain.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({"64, 64000", "500m, 500", "2.5, 2500", "0.1, 100", "1.500, 1500", "0, 0", "0m, 0", "064, 64000",
        "9223372036854775807m, 9223372036854775807", "9223372036854775, 9223372036854775000"})
    void parsesCpuIntoMillicores(String text, long millis) {
        assertThat(Quantity.cpuMillis(text)).isEqualTo(millis);
    }

    @ParameterizedTest
    @CsvSource({"256Gi, 274877906944", "10Ti, 10995116277760", "512Mi, 536870912", "1G, 1000000000",
        "100M, 100000000", "1073741824, 1073741824", "1Ki, 1024", "1k, 1000", "1.5Gi, 1610612736", "2.5k, 2500",
        "7Ei, 8070450532247928832", "9E, 9000000000000000000", "0, 0", "0Gi, 0", "1P, 1000000000000000",
        "1Pi, 1125899906842624", "9223372036854775807, 9223372036854775807"})
    void parsesMemoryAndStorageIntoBytes(String text, long bytes) {
        assertThat(Quantity.bytes(text)).isEqualTo(bytes);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1", "-500m", "abc", "64 ", " 64", "64\n", "1e3", "1E3", "+1", ".5", "1.", "1..5", "2,5",
        "500M", "1Gi", "5mm", "0x10", "1_000", "١٢"})
    void refusesCpuThatIsNotACpuQuantity(String text) {
        assertRefused(() -> Quantity.cpuMillis(text));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"-1Gi", "256GB", "256gi", "1K", "1Gib", "Gi", "1 Gi", "1e9", "1.5.Gi", "0.5", "0.1Ki",
        "1.0000000001k", "12abc", "256Gi\n"})
    void refusesBytesThatAreNotAByteQuantity(String text) {
        assertRefused(() -> Quantity.bytes(text));
    }

    @Test
    void refusesPrecisionFinerThanTheUnitRatherThanRounding() {
        assertThatThrownBy(() -> Quantity.cpuMillis("0.0005")).hasMessage("'0.0005' is finer than a millicore (1m)");
        assertThatThrownBy(() -> Quantity.cpuMillis("1.5m")).hasMessage("'1.5m' is finer than a millicore (1m)");
        assertThatThrownBy(() -> Quantity.bytes("0.5")).hasMessage("'0.5' is not a whole number of bytes");
    }

    @Test
    void refusesOverflowInsteadOfWrappingAround() {
        assertRefused(() -> Quantity.cpuMillis("9223372036854776"));
        assertRefused(() -> Quantity.cpuMillis("9223372036854775808m"));
        assertRefused(() -> Quantity.bytes("8Ei"));
        assertRefused(() -> Quantity.bytes("10E"));
        assertThatThrownBy(() -> Quantity.bytes("9223372036854775808"))
                .hasMessage("'9223372036854775808' is more than Seamless can count (9223372036854775807 bytes)");
    }

    @Test
    void saysWhatIsWrongInTheDetail() {
        assertThatThrownBy(() -> Quantity.bytes("256GB")).hasMessageStartingWith("'256GB' is not a byte quantity: use");
        assertThatThrownBy(() -> Quantity.cpuMillis("-2")).hasMessage("'-2' is not a CPU quantity: it cannot be negative");
        assertThatThrownBy(() -> Quantity.cpuMillis(null)).hasMessage("a CPU quantity is required");
    }

    @Test
    void explainsThatMIsMilliForBytes() {
        assertThatThrownBy(() -> Quantity.bytes("500m"))
                .hasMessage("'500m' means thousandths of a byte; did you mean '500M' (10^6 bytes) or '500Mi' (2^20 bytes)?");
    }

    @ParameterizedTest
    @CsvSource({"64000, 64", "2500, 2500m", "500, 500m", "1, 1m", "0, 0", "1000, 1"})
    void formatsCpuAsKubernetesDoes(long millis, String text) {
        assertThat(Quantity.formatCpu(millis)).isEqualTo(text);
    }

    @ParameterizedTest
    @CsvSource({"274877906944, 256Gi", "10995116277760, 10Ti", "1000000000, 1G", "100000000, 100M", "1024, 1Ki",
        "1536, 1536", "1000, 1k", "1024000, 1024k", "8000000000, 8G", "1073741824000, 1000Gi", "0, 0", "1, 1", "1152921504606846976, 1Ei",
        "9223372036854775807, 9223372036854775807"})
    void formatsBytesInTheShortestExactFormPreferringPowersOf1024(long bytes, String text) {
        assertThat(Quantity.formatBytes(bytes)).isEqualTo(text);
    }

    @Test
    void formattingThenParsingGivesTheSameValue() {
        for (long value : List.of(0L, 1L, 999L, 1000L, 1023L, 1024L, 1536L, 2500L, 3_000_000L, 274_877_906_944L,
                1L << 62, 7L << 60, Long.MAX_VALUE, 1_000_000_000_000_000_000L)) {
            assertThat(Quantity.bytes(Quantity.formatBytes(value))).as("bytes %d", value).isEqualTo(value);
            assertThat(Quantity.cpuMillis(Quantity.formatCpu(value))).as("millis %d", value).isEqualTo(value);
        }
    }

    @Test
    void equalQuantitiesWrittenDifferentlyHaveOneCanonicalForm() {
        assertThat(Quantity.formatCpu(Quantity.cpuMillis("2.5"))).isEqualTo(Quantity.formatCpu(Quantity.cpuMillis("2500m")));
        assertThat(Quantity.formatBytes(Quantity.bytes("1024Mi"))).isEqualTo("1Gi");
        assertThat(Quantity.formatBytes(Quantity.bytes("0.5Gi"))).isEqualTo("512Mi");
    }

    @Test
    void refusesToFormatANegativeValue() {
        assertThatThrownBy(() -> Quantity.formatCpu(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Quantity.formatBytes(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    private static void assertRefused(ThrowingCallable parse) {
        assertThatThrownBy(parse).isInstanceOfSatisfying(DomainException.class,
                refused -> assertThat(refused.errorCode()).isEqualTo(QuantityError.INVALID_QUANTITY));
    }
}
