package dev.kirana.export;

import java.util.List;
import java.util.Objects;

/**
 * A chart drawn from a table's own rows (in the PDF, above the table): {@code LINE} for a trend such as sales by day,
 * {@code BAR} to compare, {@code PIE} for a category split. {@code labelColumn} is the column whose cells give the x
 * labels (or the slice names); {@code valueColumns} are the numeric columns drawn as series. A pie draws the first
 * value column only, leaves out blank and non-positive values, and folds slices beyond the ten largest into "Other".
 */
public record Chart(Type type, String title, int labelColumn, List<Integer> valueColumns) {

    public enum Type { LINE, BAR, PIE }

    public Chart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(valueColumns, "valueColumns");
        if (valueColumns.isEmpty()) {
            throw new IllegalArgumentException("a chart needs at least one value column");
        }
        valueColumns = List.copyOf(valueColumns);
        title = title == null ? "" : title;
    }

    public static Chart line(String title, int labelColumn, Integer... valueColumns) {
        return new Chart(Type.LINE, title, labelColumn, List.of(valueColumns));
    }

    public static Chart bar(String title, int labelColumn, Integer... valueColumns) {
        return new Chart(Type.BAR, title, labelColumn, List.of(valueColumns));
    }

    public static Chart pie(String title, int labelColumn, int valueColumn) {
        return new Chart(Type.PIE, title, labelColumn, List.of(valueColumn));
    }
}
