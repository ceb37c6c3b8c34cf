package dev.kirana.reporting.report;

import java.util.Locale;
import java.util.Optional;

/** How a report groups its days: each group is named by its first day (weeks start on Monday, ISO). */
public enum Period {
    DAY("day"), WEEK("date_trunc('week', day)::date"), MONTH("date_trunc('month', day)::date");

    private final String sql;

    Period(String sql) {
        this.sql = sql;
    }

    /** The SQL expression of the group's first day, over a column named {@code day}. */
    public String sql() {
        return sql;
    }

    public static Optional<Period> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.of(DAY);
        }
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
