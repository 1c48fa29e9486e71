package io.seamless.domain.engine;

import io.seamless.domain.engine.Fixtures.Fixture;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every template's rendering of its fixture, byte for byte against the reviewed golden files. */
class GoldenFilesTest {

    static List<Fixture> fixtures() {
        return Fixtures.all();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("fixtures")
    void rendersExactlyTheGoldenFiles(Fixture fixture) {
        Golden.check(fixture.name(), fixture.template().render(fixture.layout()));
    }
}
