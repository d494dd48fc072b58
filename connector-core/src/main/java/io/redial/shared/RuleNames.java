package io.redial.shared;

import java.util.Map;

/** A triage rule's code as people read it: "no-cooling-extreme-heat" → "No cooling in extreme heat". */
public final class RuleNames {

    /** The built-in rules' names; a tenant's own rule reads as its code in words. */
    private static final Map<String, String> BUILT_IN = Map.ofEntries(
            Map.entry("active-roof-leak", "Roof leaking now"),
            Map.entry("burst-pipe", "Burst pipe"),
            Map.entry("co-alarm", "Carbon monoxide alarm"),
            Map.entry("downed-line", "Power line down"),
            Map.entry("gas-smell", "Gas smell"),
            Map.entry("heating-fire", "Flames at the furnace or heater"),
            Map.entry("no-cooling", "No cooling"),
            Map.entry("no-cooling-extreme-heat", "No cooling in extreme heat"),
            Map.entry("no-heat", "No heat"),
            Map.entry("no-heat-freezing", "No heat in freezing weather"),
            Map.entry("no-water", "No water"),
            Map.entry("power-out", "Power out"),
            Map.entry("sewage-backup", "Sewage backing up"),
            Map.entry("sparking-panel", "Sparking electrical panel"),
            Map.entry("storm-damage", "Storm damage"),
            Map.entry("tree-on-roof", "Tree on the roof"));

    private RuleNames() {
    }

    public static String plain(String code) {
        String known = BUILT_IN.get(code);
        if (known != null) {
            return known;
        }
        String words = code.strip().replace('-', ' ').replace('_', ' ');
        return words.isEmpty() ? code : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
