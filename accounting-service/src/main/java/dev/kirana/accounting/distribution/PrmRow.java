package dev.kirana.accounting.distribution;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One data row of a PRM workbook, read and checked: the retailer and model it names (codes in upper case), the IMEI or
 * serial, its status and activation date, and the price when the row gives one.
 *
 * <p>A blank status is read from the activation date (a date: activated; none: at the retailer). An activated unit
 * needs its activation date, and a unit at the retailer must not have one. Dates are Excel date cells, Excel day
 * numbers, or text as dd-mm-yyyy (also with '/' or '.') or yyyy-mm-dd; none after today nor before 2000.
 */
public record PrmRow(int rowNumber, String retailerCode, String retailerName, String model, String productName, String imei,
                     SerialStatus status, LocalDate activationDate, BigDecimal price) {
    static final int CODE_MAX = 30;
    static final int NAME_MAX = 120;
    static final BigDecimal PRICE_MAX = new BigDecimal("99999999.99");
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9 ._/-]*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final DateTimeFormatter[] DATES = {
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("uuuu-M-d").withResolverStyle(ResolverStyle.STRICT)};
    /** Day 0 of Excel's 1900 date system as it counts after 28-02-1900 (it wrongly has a 29-02-1900). */
    private static final LocalDate EXCEL_EPOCH = LocalDate.of(1899, 12, 30);
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    /** A row as the workbook has it: its number (1 is the first line of the sheet) and its cells (String, BigDecimal, LocalDate or null). */
    public record Raw(int rowNumber, List<Object> cells) {
        Object cell(Map<PrmField, Integer> columns, PrmField f) {
            Integer i = columns.get(f);
            return i == null || i >= cells.size() ? null : cells.get(i);
        }

        /** The cells by field as text, for the rejections file. */
        Map<PrmField, String> texts(Map<PrmField, Integer> columns) {
            Map<PrmField, String> out = new EnumMap<>(PrmField.class);
            for (PrmField f : PrmField.values()) {
                Object v = cell(columns, f);
                out.put(f, v == null ? "" : Imei.shown(text(v)));
            }
            return out;
        }
    }

    /** A row that cannot be imported and why, with its cells as given. */
    public record Rejection(int rowNumber, String imei, String reason, Map<PrmField, String> cells) {
    }

    /** Exactly one of the two is set. */
    public record Parsed(PrmRow row, Rejection rejection) {
    }

    public static Parsed parse(Raw raw, Map<PrmField, Integer> columns, LocalDate today) {
        List<String> problems = new ArrayList<>();
        String imeiText = text(raw.cell(columns, PrmField.IMEI));
        String imei = Imei.normalize(imeiText);
        Imei.problem(imei).ifPresent(problems::add);

        String retailer = code(raw.cell(columns, PrmField.RETAILER_CODE), "retailer code", problems);
        String retailerName = name(raw.cell(columns, PrmField.RETAILER_NAME), "retailer name", problems);
        String model = code(raw.cell(columns, PrmField.MODEL), "model", problems);
        String productName = name(raw.cell(columns, PrmField.PRODUCT_NAME), "model name", problems);

        LocalDate activated = null;
        Object dateCell = raw.cell(columns, PrmField.ACTIVATION_DATE);
        if (!blank(dateCell)) {
            activated = date(dateCell);
            if (activated == null) {
                problems.add("activation date " + Imei.shown(text(dateCell)) + " is not a date (dd-mm-yyyy)");
            } else if (activated.isAfter(today)) {
                problems.add("activation date " + activated + " is after today");
                activated = null;
            } else if (activated.isBefore(EARLIEST)) {
                problems.add("activation date " + activated + " is before 2000");
                activated = null;
            }
        }
        Object statusCell = raw.cell(columns, PrmField.STATUS);
        SerialStatus status = null;
        if (blank(statusCell)) {
            boolean dateProblem = !blank(dateCell) && activated == null;
            status = dateProblem ? null : activated != null ? SerialStatus.ACTIVATED : SerialStatus.AT_RETAILER;
        } else {
            status = SerialStatus.parse(text(statusCell)).orElse(null);
            if (status == null) {
                problems.add("unknown status " + Imei.shown(text(statusCell))
                        + " (in stock / at retailer, activated, returned)");
            } else if (status == SerialStatus.ACTIVATED && activated == null && blank(dateCell)) {
                problems.add("activated without an activation date");
            } else if (status == SerialStatus.AT_RETAILER && activated != null) {
                problems.add("at the retailer but with an activation date");
            }
        }
        BigDecimal price = null;
        Object priceCell = raw.cell(columns, PrmField.PRICE);
        if (!blank(priceCell)) {
            price = price(priceCell);
            if (price == null) {
                problems.add("price " + Imei.shown(text(priceCell)) + " is not an amount in rupees and paise up to " + PRICE_MAX.toPlainString());
            }
        }
        if (!problems.isEmpty()) {
            return new Parsed(null, new Rejection(raw.rowNumber(), imei == null ? "" : Imei.shown(imei), String.join("; ", problems),
                    raw.texts(columns)));
        }
        return new Parsed(new PrmRow(raw.rowNumber(), retailer, retailerName, model, productName, imei, status,
                activated, price), null);
    }

    private static String code(Object cell, String what, List<String> problems) {
        String s = text(cell);
        if (s.isEmpty()) {
            problems.add("no " + what);
            return null;
        }
        String c = s.toUpperCase(java.util.Locale.ROOT).replaceAll("\\s+", " ");
        if (c.length() > CODE_MAX || !CODE.matcher(c).matches()) {
            problems.add(what + " " + Imei.shown(s) + " is not up to " + CODE_MAX + " letters, digits, spaces, '.', '_', '/' or '-'");
            return null;
        }
        return c;
    }

    private static String name(Object cell, String what, List<String> problems) {
        String s = text(cell).replaceAll("\\s+", " ");
        if (s.isEmpty()) {
            return null;
        }
        if (s.length() > NAME_MAX || CONTROL.matcher(s).find()) {
            problems.add(what + " is longer than " + NAME_MAX + " characters or holds control characters");
            return null;
        }
        return s;
    }

    static boolean blank(Object cell) {
        return cell == null || text(cell).isEmpty();
    }

    /** A cell as text: numbers in plain notation without a trailing ".0" (a numeric IMEI cell reads as its digits). */
    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof BigDecimal n) {
            BigDecimal d = n.stripTrailingZeros();
            return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
        }
        return cell.toString().trim();
    }

    static LocalDate date(Object cell) {
        if (cell instanceof LocalDate d) {
            return d;
        }
        if (cell instanceof BigDecimal n) {
            // an Excel day number (a date cell without a date format); the time of day, if any, is dropped
            if (n.signum() <= 0 || n.compareTo(BigDecimal.valueOf(2_958_465)) > 0) {
                return null;
            }
            return EXCEL_EPOCH.plusDays(n.setScale(0, RoundingMode.FLOOR).longValueExact());
        }
        String s = text(cell);
        for (DateTimeFormatter f : DATES) {
            try {
                return LocalDate.parse(s, f);
            } catch (DateTimeException e) {
                // the next spelling
            }
        }
        return null;
    }

    static BigDecimal price(Object cell) {
        BigDecimal p;
        if (cell instanceof BigDecimal n) {
            p = n;
        } else {
            String s = text(cell).replace(",", "").replace("₹", "").replaceAll("(?i)^rs\\.?", "").trim();
            if (!s.matches("[0-9]{1,12}(\\.[0-9]{1,2})?")) {
                return null;
            }
            p = new BigDecimal(s);
        }
        if (p.signum() < 0 || p.compareTo(PRICE_MAX) > 0 || p.stripTrailingZeros().scale() > 2) {
            return null;
        }
        return p.setScale(2, RoundingMode.UNNECESSARY);
    }
}
