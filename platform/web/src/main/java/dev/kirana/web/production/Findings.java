package dev.kirana.web.production;

import java.util.ArrayList;
import java.util.List;

/** The unsafe settings found by the {@link ProductionCheck}s, in the order they were reported. */
public final class Findings {

    /**
     * One setting to fix.
     *
     * @param setting the environment variable (and property) to change
     * @param problem what is wrong with the current value, and what it puts at risk
     * @param fix     what to set instead
     */
    public record Finding(String setting, String problem, String fix) {
        @Override
        public String toString() {
            return setting + ": " + problem + ". " + fix;
        }
    }

    private final List<Finding> items = new ArrayList<>();

    public void add(String setting, String problem, String fix) {
        items.add(new Finding(setting, problem, fix));
    }

    public List<Finding> all() {
        return List.copyOf(items);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }
}
