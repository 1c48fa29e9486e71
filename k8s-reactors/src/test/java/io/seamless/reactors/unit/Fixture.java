package io.seamless.reactors.unit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The hand-written desired-state document of {@code src/test/resources/desired}. */
final class Fixture {

    static final byte[] ORDERS_DB = read("/desired/orders-db.json");

    private Fixture() {
    }

    private static byte[] read(String resource) {
        try (InputStream in = Fixture.class.getResourceAsStream(resource)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
