package dev.kirana.accounting.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Matches bank statement lines to the bank account's lines in the books, as pure logic. A statement credit (money
 * in) pairs with a book debit of the same amount, a statement debit with a book credit; their dates at most
 * {@value #DAYS} days apart (a deposit counted today is credited tomorrow); and when both carry a reference, the same
 * one (or the book's narration names the statement's). Among candidates the one with the same reference wins, then
 * the nearest date, then the earliest posting; statement lines are taken oldest first, each book line used once.
 */
public final class Reconciler {
    public static final int DAYS = 3;

    public record StatementLine(String id, LocalDate date, String reference, String description, BigDecimal debit, BigDecimal credit) {
    }

    /** {@code key} names the journal line (entry id and line number). */
    public record BookLine(String key, LocalDate date, String reference, String narration, BigDecimal debit, BigDecimal credit) {
    }

    public record Match(StatementLine statement, BookLine book) {
    }

    public static List<Match> match(List<StatementLine> statement, List<BookLine> book) {
        List<Match> matches = new ArrayList<>();
        Set<String> used = new HashSet<>();
        List<StatementLine> ordered = statement.stream().sorted(Comparator.comparing(StatementLine::date).thenComparing(StatementLine::id)).toList();
        for (StatementLine s : ordered) {
            book.stream()
                    .filter(b -> !used.contains(b.key()) && pairs(s, b))
                    .min(Comparator.<BookLine>comparingInt(b -> sameReference(s, b) ? 0 : 1)
                            .thenComparingLong(b -> Math.abs(ChronoUnit.DAYS.between(s.date(), b.date())))
                            .thenComparing(BookLine::date)
                            .thenComparing(BookLine::key))
                    .ifPresent(b -> {
                        used.add(b.key());
                        matches.add(new Match(s, b));
                    });
        }
        return matches;
    }

    /** Same amount the right way round, close enough in time, references not contradicting each other. */
    static boolean pairs(StatementLine s, BookLine b) {
        return sameAmount(s, b) && Math.abs(ChronoUnit.DAYS.between(s.date(), b.date())) <= DAYS
                && (s.reference() == null || b.reference() == null || sameReference(s, b));
    }

    /** The amounts agree: money into the account on the statement is a debit of it in the books, and the other way. */
    static boolean sameAmount(StatementLine s, BookLine b) {
        return s.credit().signum() > 0 ? s.credit().compareTo(b.debit()) == 0 && b.debit().signum() > 0
                : s.debit().compareTo(b.credit()) == 0 && b.credit().signum() > 0;
    }

    static boolean sameReference(StatementLine s, BookLine b) {
        if (s.reference() == null) {
            return false;
        }
        String ref = norm(s.reference());
        if (ref.isEmpty()) {
            return false;
        }
        return (b.reference() != null && norm(b.reference()).equals(ref)) || (b.narration() != null && norm(b.narration()).contains(ref));
    }

    private static String norm(String s) {
        return s.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }

    private Reconciler() {
    }
}
