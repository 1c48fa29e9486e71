package io.seamless.projections.history;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocumentDiffTest {

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void unitsAreMatchedByIdSoAnInsertedOneIsOneChange() throws Exception {
        JsonNode before = json.readTree("""
                {"version": 3, "units": [{"id": "db-0", "address": "10.0.0.2"}, {"id": "db-2", "address": "10.0.0.4"}]}""");
        JsonNode after = json.readTree("""
                {"version": 4, "units": [{"id": "db-0", "address": "10.0.0.2"}, {"id": "db-1", "address": "10.0.0.3"},
                 {"id": "db-2", "address": "10.0.0.9"}]}""");
        List<DocumentDiff.Change> changes = DocumentDiff.between(before, after);
        assertThat(changes).extracting(DocumentDiff.Change::path, DocumentDiff.Change::change).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/version", "changed"),
                org.assertj.core.groups.Tuple.tuple("/units[db-2]/address", "changed"),
                org.assertj.core.groups.Tuple.tuple("/units[db-1]", "added"));
        assertThat(changes.get(1).before().asText()).isEqualTo("10.0.0.4");
        assertThat(changes.get(1).after().asText()).isEqualTo("10.0.0.9");
    }

    @Test
    void removedFieldsAndPlainArraysAreReportedAndEqualDocumentsHaveNoChange() throws Exception {
        JsonNode before = json.readTree("{\"primary\": \"db-0\", \"tags\": [\"a\", \"b\"]}");
        JsonNode after = json.readTree("{\"tags\": [\"b\", \"a\"]}");
        assertThat(DocumentDiff.between(before, after)).extracting(DocumentDiff.Change::path,
                DocumentDiff.Change::change).containsExactly(org.assertj.core.groups.Tuple.tuple("/primary", "removed"),
                org.assertj.core.groups.Tuple.tuple("/tags", "changed"));
        assertThat(DocumentDiff.between(after, after.deepCopy())).isEmpty();
    }
}
