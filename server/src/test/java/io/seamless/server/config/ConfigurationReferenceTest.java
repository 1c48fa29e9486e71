package io.seamless.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.seamless.server.config.CodeProperties.Use;
import io.seamless.server.config.ConfigurationDocs.Row;
import io.seamless.server.config.ConfigurationMetadata.Group;
import io.seamless.server.config.ConfigurationMetadata.Property;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.boot.convert.ApplicationConversionService;
import org.springframework.util.ClassUtils;

/**
 * docs/configuration.md cannot drift from the code: every {@code seamless.*} setting the sources of any module read
 * is in the Spring configuration metadata of the module jars (generated from the {@code @ConfigurationProperties},
 * declared in {@code additional-spring-configuration-metadata.json} for the {@code @Value} ones) with the default the
 * code spells out, and every setting of the metadata is in the page with that default and an example of its type;
 * the page names no setting that does not exist.
 */
class ConfigurationReferenceTest {

    private static final ConfigurationMetadata METADATA = ConfigurationMetadata.fromClassPath();
    private static final CodeProperties CODE = CodeProperties.scan();
    private static final List<Row> DOCS = ConfigurationDocs.rows();

    @Test
    void theCheckSeesTheCodeTheMetadataAndThePageOfEveryModule() {
        assertThat(CODE.uses().stream().filter(use -> use.name().equals("seamless.roles")).map(use ->
                use.where().substring(0, use.where().indexOf('/')))).contains("command-side", "projections",
                "k8s-reactors");
        List<String> sources = METADATA.properties().values().stream().flatMap(List::stream)
                .map(Property::source).toList();
        for (String module : List.of("command-side", "projections", "k8s-reactors", "security", "server")) {
            assertThat(sources).as(module).anyMatch(source -> source.contains("/seamless-" + module + "-")
                    || source.contains("/" + module + "/target/"));
        }
        // Defaults are read where the code spells them: a placeholder, and a bind(CONSTANT).orElse(CONSTANT).
        assertThat(CODE.uses()).extracting(Use::name, Use::defaultValue).contains(
                tuple("seamless.audit.digest-interval", "5m"),
                tuple("seamless.kafka.embedded.port", "9092"));
        assertThat(METADATA.properties()).hasSizeGreaterThanOrEqualTo(50);
        assertThat(DOCS).hasSizeGreaterThanOrEqualTo(50);
    }

    @Test
    void everySettingTheCodeReadsIsInTheMetadata() {
        List<String> missing = CODE.uses().stream().filter(use -> METADATA.find(use.name()) == null)
                .map(use -> use.name() + " (" + use.where() + ")").distinct().toList();
        assertThat(missing).as("read by the code, declared in no META-INF/additional-spring-configuration-metadata"
                + ".json: add name, type, defaultValue and description to the module's").isEmpty();
    }

    @Test
    void everyConfigurationPropertiesClassHasItsGeneratedMetadata() {
        assertThat(CODE.propertiesClasses()).isNotEmpty();
        for (CodeProperties.PropertiesClass type : CODE.propertiesClasses()) {
            assertThat(METADATA.groups()).as(type.where() + ": its module needs the optional dependency "
                    + "spring-boot-configuration-processor").contains(new Group(type.prefix(), type.className()));
        }
    }

    @Test
    void theDefaultsTheCodeSpellsOutAreTheMetadatas() {
        List<String> different = new ArrayList<>();
        for (Use use : CODE.uses()) {
            Property declared = METADATA.find(use.name());
            if (use.defaultValue() != null && declared != null && !Objects.equals(declared.normalizedDefault(),
                    ConfigurationMetadata.normalize(use.defaultValue(), declared.type()))) {
                different.add(use.name() + ": '" + use.defaultValue() + "' in " + use.where() + ", "
                        + declared.defaultValue() + " in " + declared.source());
            }
        }
        assertThat(different).isEmpty();
    }

    @Test
    void everyModuleDeclaringASettingGivesItTheSameTypeAndDefault() {
        for (Map.Entry<String, List<Property>> declared : METADATA.properties().entrySet()) {
            Set<String> forms = declared.getValue().stream().map(property -> property.type() + " = "
                    + property.normalizedDefault()).collect(Collectors.toSet());
            assertThat(forms).as(declared.getKey() + " in " + declared.getValue().stream().map(Property::source)
                    .toList()).hasSize(1);
        }
    }

    @Test
    void everySettingIsDocumentedWithItsDefaultAndAnExampleOfItsType() {
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Property>> declared : METADATA.properties().entrySet()) {
            Property property = declared.getValue().get(0);
            List<Row> rows = DOCS.stream().filter(row -> row.property().equals(declared.getKey())).toList();
            if (rows.isEmpty()) {
                problems.add(declared.getKey() + ": not in " + ConfigurationDocs.PAGE + " (metadata default: "
                        + property.defaultValue() + ")");
            }
            rows.forEach(row -> problems.addAll(check(row, property)));
        }
        assertThat(problems).isEmpty();
    }

    @Test
    void thePageNamesNoSettingThatDoesNotExist() {
        assertThat(DOCS.stream().filter(row -> row.name().startsWith(ConfigurationMetadata.PREFIX))
                .filter(row -> METADATA.find(row.property()) == null)
                .map(row -> row.name() + " (line " + row.line() + ")")).isEmpty();
    }

    private static List<String> check(Row row, Property property) {
        List<String> problems = new ArrayList<>();
        String where = row.name() + " (line " + row.line() + ")";
        String expected = property.normalizedDefault();
        if (expected != null && !expected.equals(normalizeDocumented(row.defaultValue(), property.type()))) {
            problems.add(where + ": default " + row.defaultCell() + ", the metadata's is " + property.defaultValue());
        }
        if (row.defaultCell().isEmpty()) {
            problems.add(where + ": no default; say `unset: ...` or what applies");
        }
        String example = row.exampleValue();
        if (example == null) {
            problems.add(where + ": the example must be one `value`, is '" + row.exampleCell() + "'");
        } else if (!property.isMap() && !converts(example, property.type())) {
            problems.add(where + ": the example `" + example + "` is no " + property.type());
        }
        return problems;
    }

    private static String normalizeDocumented(String value, String type) {
        try {
            return ConfigurationMetadata.normalize(value, type);
        } catch (IllegalArgumentException e) {
            return "unreadable: " + value;
        }
    }

    /** Whether Spring would bind the text to the type, as it binds the property. */
    private static boolean converts(String text, String type) {
        String raw = type.replaceAll("<.*", "");
        if (raw.equals("java.lang.String") || raw.equals("java.nio.file.Path")) {
            return !text.isBlank();
        }
        try {
            Class<?> target = ClassUtils.forName(raw, ConfigurationReferenceTest.class.getClassLoader());
            return ApplicationConversionService.getSharedInstance().convert(text, target) != null;
        } catch (ClassNotFoundException | RuntimeException e) {
            return false;
        }
    }
}
