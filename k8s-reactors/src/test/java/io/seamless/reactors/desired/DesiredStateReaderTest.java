package io.seamless.reactors.desired;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.function.Consumer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class DesiredStateReaderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    static byte[] fixture() throws IOException {
        try (InputStream in = DesiredStateReaderTest.class.getResourceAsStream("/desired/orders-db.json")) {
            return in.readAllBytes();
        }
    }

    @Test
    void readsEveryFieldAndIgnoresFieldsItDoesNotKnow() throws IOException {
        DesiredState state = DesiredStateReader.read(fixture());

        assertThat(state.name()).isEqualTo("orders-db");
        assertThat(state.version()).isEqualTo(7);
        assertThat(state.restartGeneration()).isEqualTo(2);
        assertThat(state.primary()).isEqualTo("orders-db-mysqld-0");
        assertThat(state.units()).hasSize(3);
        DesiredUnit mysqld = state.units().get(0);
        assertThat(mysqld.ports()).containsExactly(new DesiredUnit.Port("mysql", 3306),
                new DesiredUnit.Port("gr", 33061));
        assertThat(mysqld.storage()).isEqualTo(new DesiredUnit.Storage("fast-ssd", "100Gi"));
        assertThat(mysqld.networking())
                .isEqualTo(new DesiredUnit.Networking("macvlan", "orders-macvlan", "10.20.0.10", 24));
        assertThat(mysqld.config()).containsExactly(
                new DesiredUnit.ConfigFile("my.cnf", "[mysqld]\nserver_id = 1001\n"));
        DesiredUnit router = state.units().get(2);
        assertThat(router.shard()).isNull();
        assertThat(router.storage()).isNull();
        assertThat(router.networking()).isNull();
        assertThat(router.config()).isNull();
        assertThat(state.unitsOn("bj-1")).extracting(DesiredUnit::id)
                .containsExactly("orders-db-mysqld-0", "orders-db-router-0");
    }

    @ParameterizedTest
    @CsvSource({"name", "version", "engine", "stopped", "restartGeneration", "units"})
    void aMissingTopLevelFieldIsNamed(String field) throws IOException {
        assertRefused(document -> document.remove(field), field);
    }

    @ParameterizedTest
    @CsvSource({
        "units[1].image, image",
        "units[1].ordinal, ordinal",
        "units[1].cluster, cluster",
        "units[1].resources, resources"})
    void aMissingUnitFieldIsNamedWithItsPath(String path, String field) throws IOException {
        assertRefused(document -> unit(document, 1).remove(field), path);
    }

    @Test
    void missingNestedFieldsAreNamedWithTheirPath() throws IOException {
        assertRefused(document -> ((ObjectNode) unit(document, 0).get("resources")).remove("cpu"),
                "units[0].resources.cpu");
        assertRefused(document -> ((ObjectNode) unit(document, 0).get("ports").get(1)).remove("port"),
                "units[0].ports[1].port");
        assertRefused(document -> ((ObjectNode) unit(document, 0).get("networking")).remove("network"),
                "units[0].networking.network");
        assertRefused(document -> ((ObjectNode) unit(document, 1).get("config").get(0)).remove("content"),
                "units[1].config[0].content");
    }

    @Test
    void aFieldOfTheWrongTypeIsNamed() throws IOException {
        assertRefused(document -> unit(document, 2).put("ordinal", "first"), "units[2].ordinal");
    }

    @Test
    void aV1DocumentWithoutPrefixLengthIsStillRead() throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(fixture());
        document.put("apiVersion", "seamless.io/v1");
        ((ObjectNode) unit(document, 0).get("networking")).remove("prefixLength");
        DesiredState state = DesiredStateReader.read(JSON.writeValueAsBytes(document));
        assertThat(state.apiVersion()).isEqualTo("seamless.io/v1");
        assertThat(state.units().get(0).networking().prefixLength()).isNull();
    }

    @Test
    void anotherFormatOrNoJsonIsRefused() throws IOException {
        assertRefused(document -> document.put("apiVersion", "seamless.io/v3"), "apiVersion");
        assertThatThrownBy(() -> DesiredStateReader.read("{not json"))
                .isInstanceOfSatisfying(InvalidDesiredStateException.class,
                        e -> assertThat(e.field()).isEqualTo("$"));
    }

    private static ObjectNode unit(ObjectNode document, int index) {
        return (ObjectNode) ((ArrayNode) document.get("units")).get(index);
    }

    private static void assertRefused(Consumer<ObjectNode> breakIt, String field) throws IOException {
        ObjectNode document = (ObjectNode) JSON.readTree(fixture());
        breakIt.accept(document);
        byte[] bytes = JSON.writeValueAsBytes(document);

        assertThatThrownBy(() -> DesiredStateReader.read(bytes))
                .isInstanceOfSatisfying(InvalidDesiredStateException.class, e -> {
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.getMessage()).startsWith(field + ": ");
                });
    }
}
