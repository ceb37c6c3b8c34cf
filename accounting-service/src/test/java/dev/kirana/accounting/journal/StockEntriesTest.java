package dev.kirana.accounting.journal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.InventoryEvents;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

class StockEntriesTest {
    static final LocalDate DAY = LocalDate.of(2026, 4, 2);

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static List<Tuple> lines(JournalEntry e) {
        return e.lines().stream().map(l -> Tuple.tuple(l.account(), l.debit().toPlainString(), l.credit().toPlainString())).toList();
    }

    static InventoryEvents.StockAdjusted adjusted(String movement, String qty, String unitCost, String value, String reference) {
        return new InventoryEvents.StockAdjusted("p-atta", "loc-1", movement, d(qty), d(unitCost), d(value), d("10"), "why", reference);
    }

    @Test
    void openingStockBroughtInByTheOwnerIsInventoryAgainstStockIntroduced() {
        // 12 packs of atta at 212.5833: 2544 + 6.9996 = 2550.9996, to the paisa 2551.00
        JournalEntry e = StockEntries.received("ev-1", new InventoryEvents.StockReceived("p-atta", "loc-1", d("12"), d("212.5833"), d("12")), DAY);
        assertThat(lines(e)).containsExactly(
                Tuple.tuple(Account.INVENTORY, "2551.00", "0.00"),
                Tuple.tuple(Account.OPENING_BALANCES, "0.00", "2551.00"));
        assertThat(e.source()).isEqualTo("stock.received:ev-1");
        assertThat(e.narration()).contains("12 of p-atta at 212.5833");
    }

    @Test
    void aReceiptUnderAPurchaseBillPostsNothingHere() {
        var r = new InventoryEvents.StockReceived("p-atta", "loc-1", d("50"), d("210.00"), d("50"), "bill-4411");
        assertThat(StockEntries.postsReceipt(r)).isFalse();
        assertThat(StockEntries.received("ev-2", r, DAY).lines()).isEmpty();
    }

    @Test
    void damageAndLossAreWrittenOff() {
        // 2 packs damaged at 200.00: value −400.00
        assertThat(lines(StockEntries.adjusted("ev-3", adjusted("DAMAGE", "-2", "200.0000", "-400.00", "adjustment:k1"), DAY))).containsExactly(
                Tuple.tuple(Account.STOCK_WRITE_OFF, "400.00", "0.00"),
                Tuple.tuple(Account.INVENTORY, "0.00", "400.00"));
        // 0.5 kg lost at 80.25: −40.125 → the event carries −40.13
        assertThat(lines(StockEntries.adjusted("ev-4", adjusted("LOSS", "-0.5", "80.2500", "-40.13", "adjustment:k2"), DAY))).containsExactly(
                Tuple.tuple(Account.STOCK_WRITE_OFF, "40.13", "0.00"),
                Tuple.tuple(Account.INVENTORY, "0.00", "40.13"));
    }

    @Test
    void countDifferencesGoToShortageOrSurplus() {
        // counted 3 biscuits fewer at 18.50: 55.50 short
        assertThat(lines(StockEntries.adjusted("ev-5", adjusted("COUNT_ADJUSTMENT", "-3", "18.5000", "-55.50", "count:c1"), DAY))).containsExactly(
                Tuple.tuple(Account.STOCK_COUNT_SHORTAGE, "55.50", "0.00"),
                Tuple.tuple(Account.INVENTORY, "0.00", "55.50"));
        // a correction finds 1 more at 18.50
        assertThat(lines(StockEntries.adjusted("ev-6", adjusted("CORRECTION", "1", "18.5000", "18.50", "adjustment:k3"), DAY))).containsExactly(
                Tuple.tuple(Account.INVENTORY, "18.50", "0.00"),
                Tuple.tuple(Account.STOCK_COUNT_SURPLUS, "0.00", "18.50"));
    }

    @Test
    void transfersChangeNoValueAndReturnsOfANamedOrderComeWithItsVoidOrRefund() {
        assertThat(StockEntries.adjusted("ev-7", adjusted("TRANSFER_OUT", "-5", "200.0000", "-1000.00", "transfer:t1"), DAY).lines()).isEmpty();
        assertThat(StockEntries.adjusted("ev-8", adjusted("TRANSFER_IN", "5", "200.0000", "1000.00", "transfer:t1"), DAY).lines()).isEmpty();
        assertThat(StockEntries.adjusted("ev-9", adjusted("CUSTOMER_RETURN", "1", "200.0000", "200.00", "order:o-1"), DAY).lines()).isEmpty();
        // a return naming no order goes back to stock at its cost, out of cost of goods sold
        assertThat(lines(StockEntries.adjusted("ev-10", adjusted("CUSTOMER_RETURN", "1", "200.0000", "200.00", "return:k4"), DAY))).containsExactly(
                Tuple.tuple(Account.INVENTORY, "200.00", "0.00"),
                Tuple.tuple(Account.COST_OF_GOODS_SOLD, "0.00", "200.00"));
    }

    @Test
    void openingStockAsAnAdjustmentAndUnknownMovements() {
        assertThat(lines(StockEntries.adjusted("ev-11", adjusted("OPENING", "10", "200.0000", "2000.00", null), DAY))).containsExactly(
                Tuple.tuple(Account.INVENTORY, "2000.00", "0.00"),
                Tuple.tuple(Account.OPENING_BALANCES, "0.00", "2000.00"));
        assertThat(lines(StockEntries.adjusted("ev-12", adjusted("SAMPLE_GIVEN", "-1", "25.0000", "-25.00", null), DAY))).containsExactly(
                Tuple.tuple(Account.SUSPENSE, "25.00", "0.00"),
                Tuple.tuple(Account.INVENTORY, "0.00", "25.00"));
    }
}
