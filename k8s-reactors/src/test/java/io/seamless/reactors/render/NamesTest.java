package io.seamless.reactors.render;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class NamesTest {

    @Test
    void aShortValidNameIsKeptAsItIs() {
        assertThat(Names.unit("orders-db-mysqld-0")).isEqualTo("orders-db-mysqld-0");
        assertThat(Names.headlessService("orders-db", "mysqld")).isEqualTo("orders-db-mysqld");
        assertThat(Names.credentials("orders-db")).isEqualTo("orders-db-credentials");
    }

    @Test
    void aLongNameIsCutToALabelWithAStableHashSuffix() {
        String group = "a-very-long-service-group-name-that-fills-the-whole-dns-label-xx";
        String first = Names.configMap(Names.unit(group + "-mysqld-0"));
        String second = Names.configMap(Names.unit(group + "-mysqld-1"));

        assertThat(first).hasSizeLessThanOrEqualTo(63).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")
                .isEqualTo(Names.configMap(Names.unit(group + "-mysqld-0")));
        assertThat(second).hasSizeLessThanOrEqualTo(63).isNotEqualTo(first);
        assertThat(first).matches(".*-[0-9a-f]{8}");
    }

    @Test
    void invalidCharactersAreReplacedAndTheNameHashedSoThatTwoNeverCollide() {
        assertThat(Names.unit("orders.db-0")).matches("orders-db-0-[0-9a-f]{8}")
                .isNotEqualTo(Names.unit("orders-db-0"));
    }

    @Test
    void aServiceNameNeverStartsWithADigit() {
        assertThat(Names.headlessService("1st-db", "mysqld")).isEqualTo("s-1st-db-mysqld");
    }
}
