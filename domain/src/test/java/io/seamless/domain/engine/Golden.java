package io.seamless.domain.engine;

import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * Golden files: what a template renders, compared byte for byte with the reviewed files under
 * {@code src/test/resources/golden/<engine>-<topology>/<unit id>/<file>}. With {@code
 * -Dgolden.update=true} the directory is rewritten from the rendering instead (then review the
 * diff: the golden files are the specification). A missing or extra golden file fails.
 */
final class Golden {

    static final Path ROOT = Path.of("src", "test", "resources", "golden");

    private Golden() {
    }

    static boolean updating() {
        return Boolean.getBoolean("golden.update");
    }

    static void check(String name, Map<String, List<ConfigFile>> rendered) {
        Path dir = ROOT.resolve(name);
        if (updating()) {
            rewrite(dir, rendered);
            return;
        }
        List<String> problems = new ArrayList<>();
        TreeSet<Path> expected = new TreeSet<>(listFiles(dir));
        rendered.forEach((unit, files) -> files.forEach(file -> {
            Path path = dir.resolve(unit).resolve(file.name());
            expected.remove(path);
            compare(path, file.content(), problems);
        }));
        expected.forEach(stale -> problems.add(stale + ": golden file not rendered any more"));
        if (!problems.isEmpty()) {
            fail(String.join("\n\n", problems) + "\n\nIf the change is intended, run with -Dgolden.update=true and"
                    + " review the diff of " + dir);
        }
    }

    private static void compare(Path path, String actual, List<String> problems) {
        if (!Files.exists(path)) {
            problems.add(path + ": golden file missing; rendered:\n" + actual);
            return;
        }
        String expected = read(path);
        if (!expected.equals(actual)) {
            problems.add(path + ": " + firstDifference(expected, actual) + "\n--- rendered in full:\n" + actual);
        }
    }

    static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        for (int i = 0; i < Math.max(want.length, got.length); i++) {
            String w = i < want.length ? want[i] : "<end of file>";
            String g = i < got.length ? got[i] : "<end of file>";
            if (!w.equals(g)) {
                return "line " + (i + 1) + " differs\n  golden:   " + w + "\n  rendered: " + g;
            }
        }
        return "differs in line endings or trailing bytes";
    }

    private static void rewrite(Path dir, Map<String, List<ConfigFile>> rendered) {
        try {
            for (Path old : listFiles(dir)) {
                Files.delete(old);
            }
            deleteEmptyDirectories(dir);
            for (Map.Entry<String, List<ConfigFile>> unit : rendered.entrySet()) {
                for (ConfigFile file : unit.getValue()) {
                    Path path = dir.resolve(unit.getKey()).resolve(file.name());
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.content(), StandardCharsets.UTF_8);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteEmptyDirectories(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        List<Path> dirs;
        try (Stream<Path> paths = Files.walk(dir)) {
            dirs = paths.filter(Files::isDirectory).sorted(Comparator.reverseOrder()).toList();
        }
        for (Path empty : dirs) {
            Files.delete(empty);
        }
    }

    private static List<Path> listFiles(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            return paths.filter(Files::isRegularFile).sorted(Comparator.naturalOrder()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path path) {
        try {
            return Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
