package dev.kirana.accounting.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.OrderEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/**
 * Loyalty points in the books: granted on a sale (Dr 5210 / Cr 2200 liability), released when redeemed (Dr 2200),
 * taken back on a void or refund (Dr 2200 / Cr 5210). The shop gives 1 point per ₹100 and values a point at ₹1.00;
 * the sales are bills of supply (no GST), so each sale's lines are only its tenders, Sales 4000 and the points.
 */
class LoyaltyPointsEntriesTest {
    static final LocalDate DAY = LocalDate.of(2026, 4, 1);
    static final OrderEvents.Customer MEENA = new OrderEvents.Customer("Meena", "9123400001", null, null);

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static OrderEvents.Tender cash(String amount) {
        return new OrderEvents.Tender("CASH", d(amount), d(amount), d("0"), null, null);
    }

    static OrderEvents.Tender points(String amount, long points) {
        return new OrderEvents.Tender("LOYALTY", d(amount), null, null, null, points);
    }

    /** A bill of supply of {@code total} paid by {@code tenders}; {@code valueEarned} null: a producer that does not value points. */
    static OrderEvents.OrderConfirmed sale(String id, String total, List<OrderEvents.Tender> tenders, long pointsEarned,
                                           String valueEarned) {
        return new OrderEvents.OrderConfirmed(id, "u-cashier", "INR", List.of(), d(total), Instant.now(), "INV/2627/" + id,
                Instant.now(), null, "BILL_OF_SUPPLY", "29", "29", "INTRA_STATE", MEENA, tenders, d("0"), d(total), d("0"),
                d("0"), d("0"), d("0"), pointsEarned, null, valueEarned == null ? null : d(valueEarned));
    }

    static OrderEvents.OrderVoided voided(OrderEvents.OrderConfirmed s, long pointsReversed, String valueReversed) {
        return new OrderEvents.OrderVoided(s.orderId(), s.invoiceNumber(), "wrong customer", "u-mgr", Instant.now(), "INR", null,
                List.of(), s.total(), s.documentType(), s.placeOfSupply(), s.supplyType(), s.customer(), s.tenders(),
                s.taxableValue(), s.cgst(), s.sgst(), s.igst(), s.roundOff(), pointsReversed,
                valueReversed == null ? null : d(valueReversed));
    }

    static OrderEvents.OrderRefunded refund(String id, String total, long pointsReversed, String valueReversed) {
        return new OrderEvents.OrderRefunded(id, "r-" + id, "CN/2627/00001", "INV/2627/" + id, null, "u", Instant.now(), "INR",
                null, List.of(), d(total), "BILL_OF_SUPPLY", "29", "INTRA_STATE", MEENA, cash(total), d(total), d("0"), d("0"),
                d("0"), d("0"), pointsReversed, false, valueReversed == null ? null : d(valueReversed));
    }

    static List<Tuple> lines(JournalEntry e) {
        return e.lines().stream().map(l -> Tuple.tuple(l.account(), l.debit().toPlainString(), l.credit().toPlainString())).toList();
    }

    /** Debit minus credit per account over the entries (a liability's balance is negative). */
    static Map<Account, BigDecimal> balances(JournalEntry... entries) {
        Map<Account, BigDecimal> b = new TreeMap<>();
        for (JournalEntry e : entries) {
            for (JournalEntry.Line l : e.lines()) {
                b.merge(l.account(), l.debit().subtract(l.credit()), BigDecimal::add);
            }
        }
        return b;
    }

    @Test
    void pointsEarnedOnASaleAreGrantedAgainstTheLiability() {
        // ₹500.00 in cash earns 500 × 1 / 100 = 5 points, worth 5 × ₹1.00 = ₹5.00
        JournalEntry e = SaleEntries.sale(sale("00001", "500.00", List.of(cash("500.00")), 5L, "5.00"), DAY);
        assertThat(lines(e)).containsExactly(
                Tuple.tuple(Account.CASH, "500.00", "0.00"),
                Tuple.tuple(Account.SALES, "0.00", "500.00"),
                Tuple.tuple(Account.LOYALTY_GRANTED, "5.00", "0.00"),
                Tuple.tuple(Account.LOYALTY_LIABILITY, "0.00", "5.00"));
        // debits 500.00 + 5.00 = credits 500.00 + 5.00
        assertThat(e.totalDebits()).isEqualByComparingTo("505.00").isEqualByComparingTo(e.totalCredits());
        assertThat(Account.LOYALTY_GRANTED.code()).isEqualTo("5210");
        assertThat(Account.LOYALTY_LIABILITY.code()).isEqualTo("2200");
    }

    @Test
    void pointsRedeemedReleaseTheLiabilityInsteadOfBeingAnExpense() {
        JournalEntry earned = SaleEntries.sale(sale("00001", "500.00", List.of(cash("500.00")), 5L, "5.00"), DAY);
        // a later ₹120.00 sale: the 5 points pay ₹5.00, cash the other 115.00, which earns 115 × 1 / 100 = 1 point (₹1.00)
        JournalEntry redeemed = SaleEntries.sale(sale("00002", "120.00", List.of(points("5.00", 5), cash("115.00")), 1L, "1.00"), DAY);
        assertThat(lines(redeemed)).containsExactly(
                Tuple.tuple(Account.LOYALTY_LIABILITY, "5.00", "0.00"),
                Tuple.tuple(Account.CASH, "115.00", "0.00"),
                Tuple.tuple(Account.SALES, "0.00", "120.00"),
                Tuple.tuple(Account.LOYALTY_GRANTED, "1.00", "0.00"),
                Tuple.tuple(Account.LOYALTY_LIABILITY, "0.00", "1.00"));
        Map<Account, BigDecimal> b = balances(earned, redeemed);
        // 2200: -5.00 (granted) + 5.00 (redeemed) - 1.00 (granted) = -1.00, the 1 point Meena still holds
        assertThat(b.get(Account.LOYALTY_LIABILITY)).isEqualByComparingTo("-1.00");
        // 5210: 5.00 + 1.00 = 6.00 given away; nothing in 5200
        assertThat(b.get(Account.LOYALTY_GRANTED)).isEqualByComparingTo("6.00");
        assertThat(b).doesNotContainKey(Account.LOYALTY_REDEMPTIONS);
        // sales 500.00 + 120.00 = 620.00, of which cash 500.00 + 115.00 = 615.00
        assertThat(b.get(Account.SALES)).isEqualByComparingTo("-620.00");
        assertThat(b.get(Account.CASH)).isEqualByComparingTo("615.00");
    }

    @Test
    void aVoidTakesTheGrantedPointsBack() {
        OrderEvents.OrderConfirmed first = sale("00001", "500.00", List.of(cash("500.00")), 5L, "5.00");
        JournalEntry earned = SaleEntries.sale(first, DAY);
        JournalEntry voided = SaleEntries.voided(voided(first, 5L, "5.00"), DAY);
        assertThat(lines(voided)).containsExactly(
                Tuple.tuple(Account.CASH, "0.00", "500.00"),
                Tuple.tuple(Account.SALES, "500.00", "0.00"),
                Tuple.tuple(Account.LOYALTY_GRANTED, "0.00", "5.00"),
                Tuple.tuple(Account.LOYALTY_LIABILITY, "5.00", "0.00"));
        Map<Account, BigDecimal> b = balances(earned, voided);
        // 2200: -5.00 + 5.00 = 0.00; 5210: 5.00 - 5.00 = 0.00
        assertThat(b.get(Account.LOYALTY_LIABILITY)).isEqualByComparingTo("0.00");
        assertThat(b.get(Account.LOYALTY_GRANTED)).isEqualByComparingTo("0.00");
    }

    @Test
    void voidingASalePaidWithPointsGivesThePointsBackToTheLiability() {
        JournalEntry earned = SaleEntries.sale(sale("00001", "500.00", List.of(cash("500.00")), 5L, "5.00"), DAY);
        OrderEvents.OrderConfirmed second = sale("00002", "120.00", List.of(points("5.00", 5), cash("115.00")), 1L, "1.00");
        JournalEntry redeemed = SaleEntries.sale(second, DAY);
        // the void takes back the 1 point the second sale earned and gives back the 5 it spent
        JournalEntry voided = SaleEntries.voided(voided(second, 1L, "1.00"), DAY);
        assertThat(lines(voided)).containsExactly(
                Tuple.tuple(Account.LOYALTY_LIABILITY, "0.00", "5.00"),
                Tuple.tuple(Account.CASH, "0.00", "115.00"),
                Tuple.tuple(Account.SALES, "120.00", "0.00"),
                Tuple.tuple(Account.LOYALTY_GRANTED, "0.00", "1.00"),
                Tuple.tuple(Account.LOYALTY_LIABILITY, "1.00", "0.00"));
        Map<Account, BigDecimal> b = balances(earned, redeemed, voided);
        // 2200: -5.00 + 5.00 - 1.00 - 5.00 + 1.00 = -5.00: Meena holds her 5 points (₹5.00) again
        assertThat(b.get(Account.LOYALTY_LIABILITY)).isEqualByComparingTo("-5.00");
        // 5210: 5.00 + 1.00 - 1.00 = 5.00, the first sale's grant
        assertThat(b.get(Account.LOYALTY_GRANTED)).isEqualByComparingTo("5.00");
    }

    @Test
    void aVoidAfterThePointsWereSpentTakesBackOnlyWhatIsLeft() {
        // 5 points granted (₹5.00), 3 of them spent elsewhere; the void can take back only 2, so ₹2.00 leaves the
        // liability and ₹3.00 stays a cost of the shop
        OrderEvents.OrderConfirmed first = sale("00001", "500.00", List.of(cash("500.00")), 5L, "5.00");
        JournalEntry voided = SaleEntries.voided(voided(first, 5L, "2.00"), DAY);
        assertThat(lines(voided)).containsExactly(
                Tuple.tuple(Account.CASH, "0.00", "500.00"),
                Tuple.tuple(Account.SALES, "500.00", "0.00"),
                Tuple.tuple(Account.LOYALTY_GRANTED, "0.00", "2.00"),
                Tuple.tuple(Account.LOYALTY_LIABILITY, "2.00", "0.00"));
    }

    @Test
    void aRefundTakesBackThePointsOfWhatWasReturned() {
        // ₹200.00 of the ₹500.00 sale comes back: 5 × 200 / 500 = 2 points, ₹2.00, taken back
        JournalEntry e = SaleEntries.refund(refund("00001", "200.00", 2L, "2.00"), DAY);
        assertThat(lines(e)).containsExactly(
                Tuple.tuple(Account.SALES_RETURNS, "200.00", "0.00"),
                Tuple.tuple(Account.CASH, "0.00", "200.00"),
                Tuple.tuple(Account.LOYALTY_LIABILITY, "2.00", "0.00"),
                Tuple.tuple(Account.LOYALTY_GRANTED, "0.00", "2.00"));
        JournalEntry earned = SaleEntries.sale(sale("00001", "500.00", List.of(cash("500.00")), 5L, "5.00"), DAY);
        // 2200: -5.00 + 2.00 = -3.00 for the 3 points left; 5210: 5.00 - 2.00 = 3.00
        assertThat(balances(earned, e).get(Account.LOYALTY_LIABILITY)).isEqualByComparingTo("-3.00");
        assertThat(balances(earned, e).get(Account.LOYALTY_GRANTED)).isEqualByComparingTo("3.00");
    }

    @Test
    void aSaleEarningNothingPostsNoGrantButItsPointsStillReleaseTheLiability() {
        // paid wholly with 10 points (₹10.00): no cash part, nothing earned, 0.00 sent
        JournalEntry e = SaleEntries.sale(sale("00003", "10.00", List.of(points("10.00", 10)), 0L, "0.00"), DAY);
        assertThat(lines(e)).containsExactly(
                Tuple.tuple(Account.LOYALTY_LIABILITY, "10.00", "0.00"),
                Tuple.tuple(Account.SALES, "0.00", "10.00"));
    }

    @Test
    void eventsThatDoNotValueThePointsPostAsTheyAlwaysDid() {
        OrderEvents.OrderConfirmed old = sale("00004", "120.00", List.of(points("5.00", 5), cash("115.00")), 1L, null);
        assertThat(lines(SaleEntries.sale(old, DAY))).containsExactly(
                Tuple.tuple(Account.LOYALTY_REDEMPTIONS, "5.00", "0.00"),
                Tuple.tuple(Account.CASH, "115.00", "0.00"),
                Tuple.tuple(Account.SALES, "0.00", "120.00"));
        assertThat(lines(SaleEntries.voided(voided(old, 1L, null), DAY))).containsExactly(
                Tuple.tuple(Account.LOYALTY_REDEMPTIONS, "0.00", "5.00"),
                Tuple.tuple(Account.CASH, "0.00", "115.00"),
                Tuple.tuple(Account.SALES, "120.00", "0.00"));
        assertThat(lines(SaleEntries.refund(refund("00004", "60.00", 0L, null), DAY))).containsExactly(
                Tuple.tuple(Account.SALES_RETURNS, "60.00", "0.00"),
                Tuple.tuple(Account.CASH, "0.00", "60.00"));
        // the constructors older producers' events are read with leave the new fields absent
        assertThat(new OrderEvents.OrderVoided("o", null, null, null, null, "INR", null, List.of(), d("1"), null, null, null,
                null, List.of(), null, null, null, null, null, 0L).loyaltyValueReversed()).isNull();
    }
}
