package dev.kirana.export;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** How a cell's value is read for its column, shared by the three writers. */
final class Cells {
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    /** The cell as a number when its column is numeric and it holds one (a Number or a plain decimal String), else null. */
    static BigDecimal number(Column.Kind kind, Object v) {
        if (!kind.numeric() || v == null) {
            return null;
        }
        BigDecimal n = null;
        if (v instanceof BigDecimal b) {
            n = b;
        } else if (v instanceof Long || v instanceof Integer || v instanceof Short || v instanceof Byte) {
            n = BigDecimal.valueOf(((Number) v).longValue());
        } else if (v instanceof BigInteger b) {
            n = new BigDecimal(b);
        } else if ((v instanceof Double || v instanceof Float) && Double.isFinite(((Number) v).doubleValue())) {
            n = new BigDecimal(v.toString());
        } else if (v instanceof String s && PLAIN_NUMBER.matcher(s.trim()).matches()) {
            n = new BigDecimal(s.trim());
        }
        if (n != null && kind == Column.Kind.MONEY) {
            n = n.setScale(2, RoundingMode.HALF_UP);
        }
        return n;
    }

    /** The cell as a date when its column is DATE and it holds one (a LocalDate or an ISO String), else null. */
    static LocalDate date(Column.Kind kind, Object v) {
        if (kind != Column.Kind.DATE || v == null) {
            return null;
        }
        if (v instanceof LocalDate d) {
            return d;
        }
        if (v instanceof String s) {
            try {
                return LocalDate.parse(s.trim());
            } catch (DateTimeParseException e) {
                return null;
            }
        }
        return null;
    }

    /** The cell as text when it is neither a number nor a date for its column: "" for null. */
    static String text(Object v) {
        if (v == null) {
            return "";
        }
        return v instanceof BigDecimal b ? b.toPlainString() : v.toString();
    }

    /** The cell written plainly (CSV): numbers as plain decimals (MONEY to two places), dates ISO, else text. */
    static String plain(Column.Kind kind, Object v) {
        BigDecimal n = number(kind, v);
        if (n != null) {
            return n.toPlainString();
        }
        LocalDate d = date(kind, v);
        return d != null ? d.toString() : text(v);
    }

    /** The cell as a reader sees it (PDF): MONEY, INTEGER and QUANTITY with Indian grouping, PERCENT with a %, dates ISO. */
    static String display(Column.Kind kind, Object v) {
        BigDecimal n = number(kind, v);
        if (n != null) {
            return switch (kind) {
                case MONEY -> IndianFormat.money(n);
                case PERCENT -> n.toPlainString() + "%";
                default -> IndianFormat.grouped(n);
            };
        }
        LocalDate d = date(kind, v);
        return d != null ? d.toString() : text(v);
    }

    /** Each row checked for width, in order, read once. */
    static void forEachRow(ReportTable t, RowAction each) throws IOException {
        int width = t.columns().size();
        long index = 0;
        for (List<Object> row : t.rows()) {
            if (row == null || row.size() != width) {
                throw new IllegalArgumentException("row " + index + " has " + (row == null ? "no" : row.size()) + " cells for " + width + " columns");
            }
            each.accept(row);
            index++;
        }
    }

    /** Up to {@code max} rows (checked for width) and how many more there were. */
    static Collected collect(ReportTable t, int max) throws IOException {
        List<List<Object>> kept = new ArrayList<>();
        long[] more = {0};
        forEachRow(t, row -> {
            if (kept.size() < max) {
                kept.add(row);
            } else {
                more[0]++;
            }
        });
        return new Collected(kept, more[0]);
    }

    record Collected(List<List<Object>> rows, long leftOut) {
    }

    @FunctionalInterface
    interface RowAction {
        void accept(List<Object> row) throws IOException;
    }

    private Cells() {
    }
}
