package io.seamless.domain.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What a template renders for one unit: its main configuration file, which takes the overrides of
 * the unit's function type, and any companion files (bootstrap scripts, state seeds) that do not.
 */
record UnitFiles(Settings main, List<ConfigFile> extras) {

    UnitFiles {
        extras = List.copyOf(extras);
    }

    static UnitFiles of(Settings main) {
        return new UnitFiles(main, List.of());
    }

    UnitFiles with(ConfigFile extra) {
        List<ConfigFile> more = new ArrayList<>(extras);
        more.add(extra);
        return new UnitFiles(main, more);
    }

    List<ConfigFile> toFiles(String header, String functionType, Map<String, String> overrides) {
        List<ConfigFile> files = new ArrayList<>();
        files.add(main.overriddenBy(functionType, overrides).toFile(header));
        files.addAll(extras);
        return List.copyOf(files);
    }
}
