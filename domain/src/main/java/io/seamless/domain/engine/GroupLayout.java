package io.seamless.domain.engine;

import java.util.List;
import java.util.Map;

/**
 * The input of rendering: a group's name, version, every unit with its address, and the
 * configuration overrides per function type (parameter name to value, appended after the
 * rendered defaults so that they win).
 */
public record GroupLayout(String group, String version, List<UnitLayout> units,
                          Map<String, Map<String, String>> overrides) {

    public GroupLayout {
        units = List.copyOf(units);
        overrides = Map.copyOf(overrides);
    }
}
