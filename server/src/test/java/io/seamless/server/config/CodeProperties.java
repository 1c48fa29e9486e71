package io.seamless.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The {@code seamless.*} settings the sources of every module ({@code ../<module>/src/main/java}) read: placeholders
 * ({@code @Value("${seamless.x:default}")}, {@code @ConditionalOnExpression}), {@code Environment.getProperty},
 * {@code containsProperty} and {@code Binder.bind} by literal or by a constant of the same file, conditions on
 * properties, and the prefixes of {@code @ConfigurationProperties} classes. A default is taken where the code
 * spells it as a literal (or a constant of the file).
 */
final class CodeProperties {

    private static final Path ROOT = Path.of("..");
    private static final String NAME = "(seamless\\.[a-z0-9.-]*[a-z0-9])";
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{" + NAME + "(?::([^}]*))?}");
    private static final Pattern LOOKUP = Pattern.compile(
            "(?:getProperty|containsProperty|bind)\\(\\s*(?:\"" + NAME + "\"|([A-Z][A-Z0-9_]*))\\s*([,)])");
    /** What follows the name of a getProperty: an optional target type, then the default literal. */
    private static final Pattern GET_DEFAULT = Pattern.compile(
            "\\s*(?:[A-Za-z.]+\\.class\\s*,\\s*)?(?:\\(\\w+\\)\\s*)?(\"[^\"]*\"|[\\w.-]+)\\s*\\)");
    /** What follows the arguments of a bind: {@code .orElse(default)}. */
    private static final Pattern OR_ELSE = Pattern.compile(
            "\\s*[\\w.]+(?:\\([\\w.]*\\))?\\s*\\)\\s*\\.orElse\\(\\s*(\"[^\"]*\"|[\\w.-]+)\\s*\\)");
    private static final Pattern CONSTANT = Pattern.compile(
            "static\\s+final\\s+\\w+\\s+([A-Z][A-Z0-9_]*)\\s*=\\s*(\"[^\"]*\"|[\\w.-]+)\\s*;");
    private static final Pattern CONDITION = Pattern.compile(
            "@ConditionalOnProperty\\(\\s*prefix\\s*=\\s*\"" + NAME + "\"\\s*,\\s*name\\s*=\\s*\"([a-z0-9.-]+)\"");
    private static final Pattern PROPERTIES_CLASS = Pattern.compile(
            "@ConfigurationProperties\\(\\s*(?:(?:value|prefix)\\s*=\\s*)?\"" + NAME + "\"");

    /** One place a setting is read; {@code defaultValue} null: none spelt out there. */
    record Use(String name, String defaultValue, String where) {
    }

    /** A {@code @ConfigurationProperties} class: the processor must have generated its group. */
    record PropertiesClass(String prefix, String className, String where) {
    }

    private final List<Use> uses = new ArrayList<>();
    private final List<PropertiesClass> classes = new ArrayList<>();

    static CodeProperties scan() {
        CodeProperties found = new CodeProperties();
        try (Stream<Path> files = Files.walk(ROOT, 1)) {
            for (Path module : files.filter(path -> Files.isDirectory(path.resolve("src/main/java"))).toList()) {
                try (Stream<Path> sources = Files.walk(module.resolve("src/main/java"))) {
                    sources.filter(path -> path.toString().endsWith(".java")).forEach(found::read);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return found;
    }

    List<Use> uses() {
        return List.copyOf(uses);
    }

    List<PropertiesClass> propertiesClasses() {
        return List.copyOf(classes);
    }

    private void read(Path source) {
        String code;
        try {
            code = Files.readString(source);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String where = ROOT.relativize(source).toString();
        Map<String, String> constants = constants(code);
        Matcher placeholder = PLACEHOLDER.matcher(code);
        while (placeholder.find()) {
            uses.add(new Use(placeholder.group(1), placeholder.group(2) == null ? null : placeholder.group(2), where));
        }
        Matcher lookup = LOOKUP.matcher(code);
        while (lookup.find()) {
            String name = lookup.group(1) != null ? lookup.group(1) : unquoted(constants.get(lookup.group(2)));
            if (name != null && name.startsWith(ConfigurationMetadata.PREFIX)) {
                uses.add(new Use(name, lookupDefault(code, lookup, constants), where));
            }
        }
        Matcher condition = CONDITION.matcher(code);
        while (condition.find()) {
            uses.add(new Use(condition.group(1) + "." + condition.group(2), null, where));
        }
        Matcher propertiesClass = PROPERTIES_CLASS.matcher(code);
        while (propertiesClass.find()) {
            classes.add(new PropertiesClass(propertiesClass.group(1), className(source), where));
        }
    }

    /** The default a getProperty or bind spells out right there; null when none is a literal. */
    private static String lookupDefault(String code, Matcher lookup, Map<String, String> constants) {
        String rest = code.substring(lookup.end());
        Matcher literal = ",".equals(lookup.group(3)) && code.substring(lookup.start()).startsWith("getProperty")
                ? GET_DEFAULT.matcher(rest) : OR_ELSE.matcher(rest);
        if (!literal.lookingAt()) {
            return null;
        }
        String value = constants.getOrDefault(literal.group(1), literal.group(1));
        if (value.startsWith("\"")) {
            return unquoted(value);
        }
        return value.matches("-?\\d+|true|false") ? value : null;
    }

    /** A string literal's text; null for anything else (a constant that is not a string names no property). */
    private static String unquoted(String literal) {
        return literal != null && literal.startsWith("\"") ? literal.substring(1, literal.length() - 1) : null;
    }

    /** The constants of the file with a literal value, as written (strings with their quotes). */
    private static Map<String, String> constants(String code) {
        Map<String, String> constants = new HashMap<>();
        Matcher constant = CONSTANT.matcher(code);
        while (constant.find()) {
            constants.put(constant.group(1), constant.group(2));
        }
        return constants;
    }

    private static String className(Path source) {
        String path = source.toString().replace('\\', '/');
        String relative = path.substring(path.indexOf("src/main/java/") + "src/main/java/".length());
        return relative.substring(0, relative.length() - ".java".length()).replace('/', '.');
    }
}
