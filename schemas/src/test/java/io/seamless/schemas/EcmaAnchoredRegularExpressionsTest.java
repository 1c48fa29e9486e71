package io.seamless.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;

class EcmaAnchoredRegularExpressionsTest {

    @Test
    void dollarIsTheEndOfTheInputOnly() {
        RegularExpression label = EcmaAnchoredRegularExpressions.INSTANCE
                .getRegularExpression("^[a-z0-9]([-a-z0-9]*[a-z0-9])?$");
        assertThat(label.matches("orders-net")).isTrue();
        assertThat(label.matches("orders-net\n")).isFalse();
        assertThat(label.matches("orders-net\r\n")).isFalse();
    }

    @Test
    void unanchoredPatternsMatchAnywhereAsInEcma262() {
        assertThat(EcmaAnchoredRegularExpressions.INSTANCE.getRegularExpression("[0-9]").matches("a1b")).isTrue();
    }

    @Test
    void leavesEscapedDollarsAndDollarsInClassesAlone() {
        assertThat(EcmaAnchoredRegularExpressions.toJava("^a\\$[$]b$")).isEqualTo("^a\\$[$]b\\z");
        assertThat(EcmaAnchoredRegularExpressions.toJava("^(\\.[a-z])*$")).isEqualTo("^(\\.[a-z])*\\z");
    }
}
