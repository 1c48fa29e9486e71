package io.seamless.domain.engine;

import java.util.List;
import java.util.Map;

/**
 * The input of rendering: a group's name, version, every unit with its address, the
 * configuration overrides per function type (parameter name to value, appended after the
 * rendered defaults so that they win) and the unit that is primary now (null: the first unit of
 * the primary's function type, as at creation), so that a switchover is rendered too.
 */
public record GroupLayout(String group, String version, List<UnitLayout> units,
                          Map<String, Map<String, String>> overrides, String primary) {

    public GroupLayout {
        units = List.copyOf(units);
        overrides = Map.copyOf(overrides);
    }

    public GroupLayout(String group, String version, List<UnitLayout> units,
                       Map<String, Map<String, String>> overrides) {
        this(group, version, units, overrides, null);
    }
}
