package dev.kirana.accounting.bank;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a bank statement exported as CSV. Banks name their columns differently ("Txn Date", "Narration",
 * "Chq./Ref.No.", "Withdrawal Amt.", "Deposit Amt."), so headers are matched loosely: case, spaces and punctuation are
 * ignored and a header is taken by what it contains (date; description/narration/particulars; ref/cheque/UTR;
 * debit/withdrawal/dr; credit/deposit/cr). A value date is used only when there is no transaction date. Amounts may
 * carry thousands separators and a rupee sign. Blocking work: call it off the event loop.
 */
public final class StatementCsv {
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    private static final List<DateTimeFormatter> DATES = List.of(
            DateTimeFormatter.ISO_LOCAL_DATE,
            DateTimeFormatter.ofPattern("dd/MM/uuuu"), DateTimeFormatter.ofPattern("d/M/uuuu"),
            DateTimeFormatter.ofPattern("dd-MM-uuuu"), DateTimeFormatter.ofPattern("dd/MM/uu"), DateTimeFormatter.ofPattern("dd.MM.uuuu"),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("dd-MMM-uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("dd MMM uuuu").toFormatter(Locale.ENGLISH),
            new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern("dd-MMM-uu").toFormatter(Locale.ENGLISH));

    /** A line of the statement: {@code debit} money out of the account, {@code credit} money into it (one of them zero). */
    public record Line(int lineNo, LocalDate date, String description, String reference, BigDecimal debit, BigDecimal credit) {
    }

    public record Rejected(int lineNo, String reason) {
    }

    public record Parsed(List<Line> lines, List<Rejected> rejected) {
    }

    public static class BadStatement extends RuntimeException {
        public BadStatement(String message) {
            super(message);
        }
    }

    public static Parsed parse(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        try (CSVParser parser = CSVFormat.DEFAULT.builder().setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get()
                .parse(new StringReader(text))) {
            List<CSVRecord> records = parser.getRecords();
            // the header is the first row with a date column and an amount column (some banks put the account details above it)
            int headerAt = -1;
            Map<String, Integer> columns = null;
            for (int i = 0; i < Math.min(records.size(), 30) && headerAt < 0; i++) {
                Map<String, Integer> c = columns(records.get(i));
                if (c.containsKey("date") && (c.containsKey("debit") || c.containsKey("credit"))) {
                    headerAt = i;
                    columns = c;
                }
            }
            if (headerAt < 0) {
                throw new BadStatement("no header row with a date column and a debit or credit column");
            }
            List<Line> lines = new ArrayList<>();
            List<Rejected> rejected = new ArrayList<>();
            for (int i = headerAt + 1; i < records.size(); i++) {
                CSVRecord r = records.get(i);
                int lineNo = (int) r.getRecordNumber();
                String dateText = cell(r, columns.get("date"));
                BigDecimal debit;
                BigDecimal credit;
                try {
                    debit = amount(cell(r, columns.get("debit")));
                    credit = amount(cell(r, columns.get("credit")));
                } catch (NumberFormatException e) {
                    rejected.add(new Rejected(lineNo, "an amount is not a number"));
                    continue;
                }
                if (dateText == null && debit.signum() == 0 && credit.signum() == 0) {
                    continue; // a blank or a closing-balance row
                }
                Optional<LocalDate> date = date(dateText);
                if (date.isEmpty()) {
                    rejected.add(new Rejected(lineNo, "no date, or not one of dd/mm/yyyy, yyyy-mm-dd, dd-Mon-yyyy: " + dateText));
                    continue;
                }
                if (debit.signum() < 0 || credit.signum() < 0) {
                    rejected.add(new Rejected(lineNo, "a negative amount; the statement shows money out as debit and money in as credit"));
                    continue;
                }
                if ((debit.signum() == 0) == (credit.signum() == 0)) {
                    rejected.add(new Rejected(lineNo, debit.signum() == 0 ? "neither a debit nor a credit" : "both a debit and a credit"));
                    continue;
                }
                if (debit.scale() > 2 || credit.scale() > 2) {
                    rejected.add(new Rejected(lineNo, "an amount has more than 2 decimals"));
                    continue;
                }
                lines.add(new Line(lineNo, date.get(), cell(r, columns.get("description")), cell(r, columns.get("reference")),
                        debit.setScale(2), credit.setScale(2)));
            }
            return new Parsed(List.copyOf(lines), List.copyOf(rejected));
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new BadStatement("not a readable CSV file: " + e.getMessage());
        }
    }

    /** Which column holds what, by the header's name. */
    static Map<String, Integer> columns(CSVRecord header) {
        Map<String, Integer> c = new java.util.HashMap<>();
        Integer valueDate = null;
        for (int i = 0; i < header.size(); i++) {
            String h = header.get(i).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
            if (h.isEmpty()) {
                continue;
            }
            if (h.contains("date")) {
                if (h.contains("value")) {
                    valueDate = valueDate == null ? i : valueDate;
                } else {
                    c.putIfAbsent("date", i);
                }
            } else if (h.contains("debit") || h.contains("withdraw") || h.equals("dr") || h.equals("paidout") || h.equals("moneyout")) {
                c.putIfAbsent("debit", i);
            } else if (h.contains("credit") || h.contains("deposit") || h.equals("cr") || h.equals("paidin") || h.equals("moneyin")) {
                c.putIfAbsent("credit", i);
            } else if (h.contains("ref") || h.contains("cheque") || h.contains("chq") || h.contains("utr")) {
                c.putIfAbsent("reference", i);
            } else if (h.contains("desc") || h.contains("narration") || h.contains("particular") || h.contains("detail") || h.contains("remark")) {
                c.putIfAbsent("description", i);
            }
        }
        if (!c.containsKey("date") && valueDate != null) {
            c.put("date", valueDate);
        }
        return c;
    }

    private static String cell(CSVRecord r, Integer column) {
        if (column == null || column >= r.size()) {
            return null;
        }
        String v = r.get(column).trim();
        return v.isEmpty() ? null : v;
    }

    static BigDecimal amount(String text) {
        if (text == null) {
            return BigDecimal.ZERO;
        }
        String t = text.replace(",", "").replace("₹", "").replace("INR", "").replaceAll("(?i)\\s*(cr|dr)\\.?$", "").trim();
        if (t.isEmpty() || t.equals("-")) {
            return BigDecimal.ZERO;
        }
        return new BigDecimal(t);
    }

    static Optional<LocalDate> date(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String t = text.trim();
        if (t.length() > 10 && t.charAt(10) == ' ' || t.contains("T")) {
            t = t.split("[ T]")[0]; // a time after the date
        }
        for (DateTimeFormatter f : DATES) {
            try {
                // strict: 31/02 is a typo, not the 28th
                return Optional.of(LocalDate.parse(t, f.withResolverStyle(ResolverStyle.STRICT)));
            } catch (DateTimeParseException e) {
                // try the next way of writing it
            }
        }
        return Optional.empty();
    }

    private StatementCsv() {
    }
}
