package dev.kirana.accounting.journal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What makes an entry made by hand acceptable (pure, no I/O): a date not in the future, a narration, at least two
 * lines, each naming an account of the chart with exactly one positive amount in rupees and paise, and debits equal
 * to credits. Every violation is reported, each against its field.
 */
public final class ManualEntryRules {
    public static final int MAX_LINES = 100;
    static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999999999.99");

    public record Violation(String field, String message) {
    }

    /** A line that passed: the account and its debit and credit (one of them zero), to the paisa. */
    public record Line(String account, BigDecimal debit, BigDecimal credit) {
    }

    public static List<Violation> check(ManualEntryRequest r, LocalDate today) {
        List<Violation> out = new ArrayList<>();
        if (r.date() == null) {
            out.add(new Violation("date", "is required"));
        } else if (r.date().isAfter(today)) {
            out.add(new Violation("date", "must not be in the future"));
        }
        if (r.narration() == null || r.narration().isBlank()) {
            out.add(new Violation("narration", "is required: say what the entry is for"));
        } else if (r.narration().length() > 500) {
            out.add(new Violation("narration", "at most 500 characters"));
        }
        if (r.reference() != null && r.reference().length() > 100) {
            out.add(new Violation("reference", "at most 100 characters"));
        }
        List<ManualEntryRequest.LineRequest> lines = r.lines() == null ? List.of() : r.lines();
        if (lines.size() < 2) {
            out.add(new Violation("lines", "an entry has at least two lines"));
        } else if (lines.size() > MAX_LINES) {
            out.add(new Violation("lines", "at most " + MAX_LINES + " lines"));
        }
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        boolean amountsOk = true;
        for (int i = 0; i < lines.size(); i++) {
            ManualEntryRequest.LineRequest l = lines.get(i);
            String at = "lines[" + i + "]";
            if (l == null) {
                out.add(new Violation(at, "is empty"));
                amountsOk = false;
                continue;
            }
            if (l.account() == null || l.account().isBlank()) {
                out.add(new Violation(at + ".account", "is required"));
            }
            boolean hasDebit = l.debit() != null && l.debit().signum() != 0;
            boolean hasCredit = l.credit() != null && l.credit().signum() != 0;
            if (hasDebit == hasCredit) {
                out.add(new Violation(at, hasDebit ? "has both a debit and a credit; split it into two lines" : "needs a debit or a credit"));
                amountsOk = false;
                continue;
            }
            String side = hasDebit ? "debit" : "credit";
            BigDecimal amount = hasDebit ? l.debit() : l.credit();
            String problem = amountProblem(amount);
            if (problem != null) {
                out.add(new Violation(at + "." + side, problem));
                amountsOk = false;
                continue;
            }
            if (hasDebit) {
                debits = debits.add(amount);
            } else {
                credits = credits.add(amount);
            }
        }
        if (amountsOk && lines.size() >= 2 && debits.compareTo(credits) != 0) {
            out.add(new Violation("lines", "debits " + debits.setScale(2) + " do not equal credits " + credits.setScale(2)
                    + " (difference " + debits.subtract(credits).abs().setScale(2) + ")"));
        }
        return out;
    }

    /** Lines naming accounts that are not in the shop's chart. */
    public static List<Violation> unknownAccounts(ManualEntryRequest r, Set<String> known) {
        List<Violation> out = new ArrayList<>();
        for (int i = 0; i < r.lines().size(); i++) {
            String code = r.lines().get(i).account();
            if (!known.contains(code)) {
                out.add(new Violation("lines[" + i + "].account", "no account " + code + " in this shop's chart"));
            }
        }
        return out;
    }

    /** The lines of an entry that passed {@link #check}, to the paisa. */
    public static List<Line> lines(ManualEntryRequest r) {
        BigDecimal zero = BigDecimal.ZERO.setScale(2);
        return r.lines().stream().map(l -> l.debit() != null && l.debit().signum() != 0
                ? new Line(l.account().trim(), l.debit().setScale(2), zero)
                : new Line(l.account().trim(), zero, l.credit().setScale(2))).toList();
    }

    /** The lines that undo {@code lines}: every debit a credit and every credit a debit. */
    public static List<Line> reversed(List<Line> lines) {
        return lines.stream().map(l -> new Line(l.account(), l.credit(), l.debit())).toList();
    }

    public static BigDecimal total(List<Line> lines) {
        return lines.stream().map(Line::debit).reduce(BigDecimal.ZERO.setScale(2), BigDecimal::add);
    }

    private static String amountProblem(BigDecimal amount) {
        if (amount.signum() < 0) {
            return "must be positive; put the amount on the other side instead";
        }
        if (amount.stripTrailingZeros().scale() > 2) {
            return "at most 2 decimals (paise)";
        }
        if (amount.compareTo(MAX_AMOUNT) > 0) {
            return "is too large";
        }
        return null;
    }

    private ManualEntryRules() {
    }
}
