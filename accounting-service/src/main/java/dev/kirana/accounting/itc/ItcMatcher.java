package dev.kirana.accounting.itc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Matches the books' purchase documents with a GSTR-2B, document by document (pure: no I/O).
 * <ol>
 * <li>Same kind (an invoice with a bill, a supplier's credit note with a purchase return) and the same key: supplier
 * GSTIN + number as {@link InvoiceNumbers} normalises it. Such a pair is {@link Status#MATCHED} when the date is the same
 * and the taxable value and each tax head (IGST, CGST, SGST, cess) differ by at most the tolerance; otherwise
 * {@link Status#MISMATCHED}, listing each field that differs with both values. Several documents under one key pair in
 * date order.</li>
 * <li>What is left pairs as {@link Status#PROBABLE} when the number differs but the kind, the supplier GSTIN, the date and
 * every amount agree within the tolerance: probably the same document with its number written differently (the
 * portal's "probable match"); the number is listed as the difference.</li>
 * <li>The rest is {@link Status#IN_BOOKS_ONLY} (the supplier has not reported it: its credit is at risk) or
 * {@link Status#IN_2B_ONLY} (reported by the supplier, not in the books).</li>
 * </ol>
 */
public final class ItcMatcher {
    /** The tolerance when a request names none: ₹1 per amount. */
    public static final BigDecimal DEFAULT_TOLERANCE = new BigDecimal("1.00");

    public enum Status { MATCHED, MISMATCHED, PROBABLE, IN_BOOKS_ONLY, IN_2B_ONLY }

    /** A field that differs, with its value in the books and in GSTR-2B. */
    public record MatchDifference(String field, String books, String twoB) {
    }

    /** One line of the reconciliation: a pair, or a document on one side only (the other null). */
    public record Match(Status status, BookDocument books, Gstr2b.Document twoB, List<MatchDifference> differences) {
        public DocumentType type() {
            return books != null ? books.type() : twoB.type();
        }

        public String supplierGstin() {
            return twoB != null ? twoB.supplierGstin() : books.supplierGstin();
        }
    }

    private static final Comparator<BookDocument> BOOK_ORDER = Comparator.comparing(BookDocument::date)
            .thenComparing(BookDocument::number).thenComparing(b -> b.id().toString());
    private static final Comparator<Gstr2b.Document> TWO_B_ORDER = Comparator.comparing(Gstr2b.Document::date)
            .thenComparing(Gstr2b.Document::number);

    /**
     * The book documents a period's GSTR-2B is matched against: those dated in the period, and earlier ones whose key
     * is in the statement (a supplier may report an October bill in November's return). Documents dated after the
     * period are never taken.
     */
    public static List<BookDocument> inScope(List<BookDocument> books, YearMonth period, List<Gstr2b.Document> twoB) {
        Set<String> keys = new HashSet<>();
        twoB.forEach(d -> keys.add(d.type() + "#" + d.key()));
        LocalDate first = period.atDay(1);
        LocalDate last = period.atEndOfMonth();
        return books.stream().filter(b -> !b.date().isAfter(last)
                && (!b.date().isBefore(first) || keys.contains(b.type() + "#" + b.key()))).toList();
    }

    public static List<Match> match(List<BookDocument> books, List<Gstr2b.Document> twoB, BigDecimal tolerance) {
        Objects.requireNonNull(tolerance, "tolerance");
        List<Match> out = new ArrayList<>();
        Map<String, List<BookDocument>> booksByKey = group(books.stream().sorted(BOOK_ORDER).toList(), b -> b.type() + "#" + b.key());
        Map<String, List<Gstr2b.Document>> twoBByKey = group(twoB.stream().sorted(TWO_B_ORDER).toList(), d -> d.type() + "#" + d.key());
        List<BookDocument> leftBooks = new ArrayList<>();
        List<Gstr2b.Document> left2b = new ArrayList<>();
        for (var e : booksByKey.entrySet()) {
            List<Gstr2b.Document> others = twoBByKey.getOrDefault(e.getKey(), List.of());
            List<BookDocument> mine = e.getValue();
            for (int i = 0; i < mine.size(); i++) {
                if (i < others.size()) {
                    List<MatchDifference> diffs = differences(mine.get(i), others.get(i), tolerance);
                    out.add(new Match(diffs.isEmpty() ? Status.MATCHED : Status.MISMATCHED, mine.get(i), others.get(i), diffs));
                } else {
                    leftBooks.add(mine.get(i));
                }
            }
            if (others.size() > mine.size()) {
                left2b.addAll(others.subList(mine.size(), others.size()));
            }
        }
        twoBByKey.forEach((key, docs) -> {
            if (!booksByKey.containsKey(key)) {
                left2b.addAll(docs);
            }
        });
        left2b.sort(Comparator.comparing(Gstr2b.Document::supplierGstin).thenComparing(TWO_B_ORDER));
        leftBooks.sort(BOOK_ORDER);
        for (Gstr2b.Document d : left2b) {
            BookDocument probable = leftBooks.stream()
                    .filter(b -> b.type() == d.type() && d.supplierGstin().equalsIgnoreCase(String.valueOf(b.supplierGstin()))
                            && differences(b, d, tolerance).isEmpty())
                    .findFirst().orElse(null);
            if (probable != null) {
                leftBooks.remove(probable);
                out.add(new Match(Status.PROBABLE, probable, d, List.of(new MatchDifference("number", probable.number(), d.number()))));
            } else {
                out.add(new Match(Status.IN_2B_ONLY, null, d, List.of()));
            }
        }
        leftBooks.forEach(b -> out.add(new Match(Status.IN_BOOKS_ONLY, b, null, List.of())));
        out.sort(Comparator.comparing(Match::status).thenComparing(m -> String.valueOf(m.supplierGstin()))
                .thenComparing(m -> m.books() != null ? m.books().date() : m.twoB().date())
                .thenComparing(m -> m.books() != null ? m.books().number() : m.twoB().number()));
        return out;
    }

    /** The fields of a pair that disagree: the date exactly, each amount beyond the tolerance. */
    static List<MatchDifference> differences(BookDocument b, Gstr2b.Document d, BigDecimal tolerance) {
        List<MatchDifference> diffs = new ArrayList<>();
        if (!b.date().equals(d.date())) {
            diffs.add(new MatchDifference("date", b.date().toString(), d.date().toString()));
        }
        amount(diffs, "taxableValue", b.tax().taxableValue(), d.tax().taxableValue(), tolerance);
        amount(diffs, "igst", b.tax().igst(), d.tax().igst(), tolerance);
        amount(diffs, "cgst", b.tax().cgst(), d.tax().cgst(), tolerance);
        amount(diffs, "sgst", b.tax().sgst(), d.tax().sgst(), tolerance);
        amount(diffs, "cess", b.tax().cess(), d.tax().cess(), tolerance);
        return diffs;
    }

    private static void amount(List<MatchDifference> diffs, String field, BigDecimal books, BigDecimal twoB, BigDecimal tolerance) {
        if (books.subtract(twoB).abs().compareTo(tolerance) > 0) {
            diffs.add(new MatchDifference(field, books.toPlainString(), twoB.toPlainString()));
        }
    }

    /**
     * Input tax credit per head: in GSTR-2B, available (ITC available, not reverse charge), on reverse charge (available
     * once the shop pays that tax itself), and not available (itcavl N, or T: not yet); in the books, the bills less the
     * returns dated in the period; and the books less what GSTR-2B makes available (above zero: credit the books take
     * that the suppliers' returns do not support). Credit notes count negative throughout.
     */
    public record ItcSummary(ItcAmounts available, ItcAmounts reverseCharge, ItcAmounts notAvailable, ItcAmounts books, ItcAmounts difference) {
    }

    public static ItcSummary summary(List<BookDocument> books, List<Gstr2b.Document> twoB, YearMonth period) {
        Map<String, ItcAmounts> sums = new LinkedHashMap<>();
        for (String k : List.of("available", "reverseCharge", "notAvailable")) {
            sums.put(k, ItcAmounts.ZERO);
        }
        for (Gstr2b.Document d : twoB) {
            String bucket = !"Y".equals(d.itcAvailable()) ? "notAvailable" : d.reverseCharge() ? "reverseCharge" : "available";
            sums.merge(bucket, d.tax(), d.type().reducesCredit() ? ItcAmounts::minus : ItcAmounts::plus);
        }
        ItcAmounts inBooks = ItcAmounts.ZERO;
        for (BookDocument b : books) {
            if (YearMonth.from(b.date()).equals(period)) {
                inBooks = b.type().reducesCredit() ? inBooks.minus(b.tax()) : inBooks.plus(b.tax());
            }
        }
        return new ItcSummary(sums.get("available"), sums.get("reverseCharge"), sums.get("notAvailable"), inBooks,
                inBooks.minus(sums.get("available")));
    }

    /** How many lines have each status (every status named, zero included). */
    public static Map<Status, Integer> counts(List<Match> matches) {
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        matches.forEach(m -> counts.merge(m.status(), 1, Integer::sum));
        return counts;
    }

    private static <T> Map<String, List<T>> group(List<T> items, Function<T, String> key) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        items.forEach(i -> out.computeIfAbsent(key.apply(i), k -> new ArrayList<>()).add(i));
        return out;
    }

    private ItcMatcher() {
    }
}
