package io.seamless.server.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The property tables of docs/configuration.md: every row whose first cell names properties, in a table whose header
 * has the columns {@code property}, {@code default} and {@code example}. A cell may name sibling properties, the
 * later ones by their last segment ({@code `seamless.x.private-key` / `public-key`}), with as many defaults and
 * examples, separated the same way; a key of a map property is written {@code `seamless.x.<name>.y`}.
 */
final class ConfigurationDocs {

    static final Path PAGE = Path.of("..", "docs", "configuration.md");
    private static final Pattern CODE = Pattern.compile("`([^`]*)`");

    /**
     * One documented property: its full name (a map's key spelt {@code <name>}), the default and example cells
     * (for this property alone), and the line.
     */
    record Row(String name, String defaultCell, String exampleCell, int line) {

        /** The property of the metadata it documents: a map property for {@code seamless.x.<name>.y}. */
        String property() {
            int key = name.indexOf(".<");
            return key < 0 ? name : name.substring(0, key);
        }

        /** The default as a value, when the cell is exactly one code span; else null (a description). */
        String defaultValue() {
            Matcher code = CODE.matcher(defaultCell.trim());
            return code.matches() ? code.group(1) : null;
        }

        /** The example as a value, when the cell is exactly one code span; else null. */
        String exampleValue() {
            Matcher code = CODE.matcher(exampleCell.trim());
            return code.matches() ? code.group(1) : null;
        }
    }

    private ConfigurationDocs() {
    }

    static List<Row> rows() {
        List<String> lines;
        try {
            lines = Files.readAllLines(PAGE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<Row> rows = new ArrayList<>();
        List<String> header = List.of();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).trim();
            if (!line.startsWith("|")) {
                header = List.of();
            } else if (header.isEmpty()) {
                header = cells(line).stream().map(String::toLowerCase).toList();
            } else if (!line.startsWith("| ---")) {
                rows.addAll(rows(header, cells(line), i + 1));
            }
        }
        return rows;
    }

    private static List<Row> rows(List<String> header, List<String> cells, int line) {
        int property = header.indexOf("property");
        if (property != 0 || cells.isEmpty()) {
            return List.of();
        }
        List<String> names = names(cells.get(0));
        List<String> defaults = split(cell(header, cells, "default"), names.size());
        List<String> examples = split(cell(header, cells, "example"), names.size());
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            rows.add(new Row(names.get(i), defaults.get(i), examples.get(i), line));
        }
        return rows;
    }

    /** The full names a first cell gives: the first in full, later ones by their last segment unless dotted. */
    private static List<String> names(String cell) {
        List<String> names = new ArrayList<>();
        Matcher code = CODE.matcher(cell);
        while (code.find()) {
            String name = code.group(1);
            if (names.isEmpty() || name.contains(".")) {
                names.add(name);
            } else {
                String first = names.get(0);
                names.add(first.substring(0, first.lastIndexOf('.') + 1) + name);
            }
        }
        return names;
    }

    private static String cell(List<String> header, List<String> cells, String column) {
        int index = header.indexOf(column);
        return index < 0 || index >= cells.size() ? "" : cells.get(index);
    }

    /** One part per name when the cell has that many {@code /}-separated parts, else the whole cell for each. */
    private static List<String> split(String cell, int count) {
        List<String> parts = Arrays.stream(cell.split(" / ")).map(String::trim).toList();
        return parts.size() == count ? parts : Collections.nCopies(count, cell.trim());
    }

    private static List<String> cells(String line) {
        String inner = line.substring(1, line.endsWith("|") ? line.length() - 1 : line.length());
        return Arrays.stream(inner.split("(?<!\\\\)\\|")).map(String::trim).toList();
    }
}
