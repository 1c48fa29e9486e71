package io.seamless.domain.ippool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.seamless.domain.common.DomainException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CidrTest {

    @Test
    void parsesAndMeasuresANetwork() {
        Cidr cidr = Cidr.parse("10.20.0.0/16");
        assertThat(cidr.size()).isEqualTo(65_536);
        assertThat(Ipv4.format(cidr.last())).isEqualTo("10.20.255.255");
        assertThat(cidr.contains(Ipv4.parse("10.20.7.7"))).isTrue();
        assertThat(cidr.contains(Ipv4.parse("10.21.0.0"))).isFalse();
        assertThat(cidr.offsetOf(Ipv4.parse("10.20.1.0"))).isEqualTo(256);
    }

    @Test
    void detectsOverlapBothWays() {
        Cidr wide = Cidr.parse("10.20.0.0/16");
        Cidr inside = Cidr.parse("10.20.3.0/24");
        Cidr beside = Cidr.parse("10.21.0.0/24");
        assertThat(wide.overlaps(inside)).isTrue();
        assertThat(inside.overlaps(wide)).isTrue();
        assertThat(wide.overlaps(beside)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"10.20.0.0", "10.20.0.0/33", "10.20.0.0/", "10.20.0/24", "10.20.0.0/2a", "a.b.c.d/8",
        "010.20.0.0/24", "10.20.0.1/24", "10.20.0.0/-1", " 10.20.0.0/24"})
    void refusesMalformedCidrs(String text) {
        assertThatThrownBy(() -> Cidr.parse(text))
                .isInstanceOfSatisfying(DomainException.class,
                        e -> assertThat(e.errorCode()).isEqualTo(IpPoolError.INVALID_CIDR));
    }

    @Test
    void ipv4RoundTripsTheWholeRange() {
        assertThat(Ipv4.format(Ipv4.parse("0.0.0.0"))).isEqualTo("0.0.0.0");
        assertThat(Ipv4.format(Ipv4.parse("255.255.255.255"))).isEqualTo("255.255.255.255");
        assertThat(Ipv4.parse("192.168.1.10")).isEqualTo(0xC0A8010AL);
    }

    @Test
    void bitmapFindsTheLowestClearBitAcrossWords() {
        AddressBitmap bitmap = new AddressBitmap(200);
        bitmap.set(0, 130);
        assertThat(bitmap.nextClear()).isEqualTo(131);
        bitmap.clear(64);
        assertThat(bitmap.nextClear()).isEqualTo(64);
        bitmap.set(64);
        bitmap.set(131, 199);
        assertThat(bitmap.nextClear()).isEqualTo(-1);
        assertThat(bitmap.cardinality()).isEqualTo(200);
    }
}
