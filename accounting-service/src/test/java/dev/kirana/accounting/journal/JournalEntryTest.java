package dev.kirana.accounting.journal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.events.InventoryEvents;
import dev.kirana.events.OrderEvents;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;

/** The counter's ledger rules on worked examples (the figures are those of order-service's GST tests). */
class JournalEntryTest {
    static final LocalDate DAY = LocalDate.of(2026, 4, 1);

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static OrderEvents.Tender tender(String type, String amount) {
        return new OrderEvents.Tender(type, d(amount), null, null, null, null);
    }

    /** 2 × 245.50 MRP at 5% + 3 × 25.40 at 18% exclusive, intra-state: 580.92 → 581.00. */
    static OrderEvents.OrderConfirmed sale(List<OrderEvents.Tender> tenders, OrderEvents.Customer customer, boolean interState) {
        return new OrderEvents.OrderConfirmed("o-1", "u-cashier", "INR", List.of(), d("581.00"), Instant.now(), "INV/2627/00007",
                Instant.now(), null, "TAX_INVOICE", "29", interState ? "27" : "29", interState ? "INTER_STATE" : "INTRA_STATE",
                customer, tenders, d("0"), d("543.82"), interState ? d("0") : d("18.55"), interState ? d("0") : d("18.55"),
                interState ? d("37.10") : d("0"), d("0.08"), 5L);
    }

    static List<Tuple> lines(JournalEntry e) {
        return e.lines().stream().map(l -> Tuple.tuple(l.account(), l.debit().toPlainString(), l.credit().toPlainString())).toList();
    }

    @Test
    void splitTenderSaleCreditsSalesAndOutputTaxAndTheRoundOff() {
        JournalEntry e = SaleEntries.sale(sale(List.of(tender("CARD", "200.00"), tender("CASH", "381.00")), null, false), DAY);
        assertThat(lines(e)).containsExactly(
                Tuple.tuple(Account.CARD_SETTLEMENTS, "200.00", "0.00"),
                Tuple.tuple(Account.CASH, "381.00", "0.00"),
                Tuple.tuple(Account.SALES, "0.00", "543.82"),
                Tuple.tuple(Account.OUTPUT_CGST, "0.00", "18.55"),
                Tuple.tuple(Account.OUTPUT_SGST, "0.00", "18.55"),
                Tuple.tuple(Account.ROUND_OFF, "0.00", "0.08"));
        assertThat(e.totalDebits()).isEqualByComparingTo("581.00").isEqualByComparingTo(e.totalCredits());
        assertThat(e.source()).isEqualTo("order.confirmed:o-1");
        assertThat(e.narration()).contains("INV/2627/00007");
    }

    @Test
    void creditSaleToABusinessInAnotherStateIsOwedOnItsKhataWithIgst() {
        var customer = new OrderEvents.Customer("Patil Traders", "9876500001", "27AAPFU0939F1ZV", "27");
        JournalEntry e = SaleEntries.sale(sale(List.of(tender("CREDIT", "581.00")), customer, true), DAY);
        assertThat(lines(e)).containsExactly(
                Tuple.tuple(Account.CUSTOMERS, "581.00", "0.00"),
                Tuple.tuple(Account.SALES, "0.00", "543.82"),
                Tuple.tuple(Account.OUTPUT_IGST, "0.00", "37.10"),
                Tuple.tuple(Account.ROUND_OFF, "0.00", "0.08"));
        assertThat(e.lines().get(0).party()).isEqualTo("9876500001");
    }

    @Test
    void aTotalRoundedDownDebitsTheRoundOff() {
        // bill of supply: 172.20 → 172.00
        var s = new OrderEvents.OrderConfirmed("o-2", "c", "INR", List.of(), d("172.00"), Instant.now(), "INV/2627/00008", null,
                null, "BILL_OF_SUPPLY", "29", "29", "INTRA_STATE", null, List.of(tender("CASH", "172.00")), d("0"), d("172.20"),
                d("0"), d("0"), d("0"), d("-0.20"), 0L);
        assertThat(lines(SaleEntries.sale(s, DAY))).containsExactly(
                Tuple.tuple(Account.CASH, "172.00", "0.00"),
                Tuple.tuple(Account.SALES, "0.00", "172.20"),
                Tuple.tuple(Account.ROUND_OFF, "0.20", "0.00"));
    }

    @Test
    void aVoidReversesTheSaleLineForLine() {
        var v = new OrderEvents.OrderVoided("o-1", "INV/2627/00007", "wrong item", "u-mgr", Instant.now(), "INR", null, List.of(),
                d("581.00"), "TAX_INVOICE", "29", "INTRA_STATE", null, List.of(tender("CARD", "200.00"), tender("CASH", "381.00")),
                d("543.82"), d("18.55"), d("18.55"), d("0"), d("0.08"), 5L);
        JournalEntry e = SaleEntries.voided(v, DAY);
        assertThat(lines(e)).containsExactly(
                Tuple.tuple(Account.CARD_SETTLEMENTS, "0.00", "200.00"),
                Tuple.tuple(Account.CASH, "0.00", "381.00"),
                Tuple.tuple(Account.SALES, "543.82", "0.00"),
                Tuple.tuple(Account.OUTPUT_CGST, "18.55", "0.00"),
                Tuple.tuple(Account.OUTPUT_SGST, "18.55", "0.00"),
                Tuple.tuple(Account.ROUND_OFF, "0.08", "0.00"));
        assertThat(e.source()).isEqualTo("order.voided:o-1");
    }

    static OrderEvents.OrderRefunded refund(String taxable, String cgst, String roundOff, String total, String tender) {
        return new OrderEvents.OrderRefunded("o-1", "r-1", "CN/2627/00001", "INV/2627/00007", null, "u", Instant.now(), "INR", null,
                List.of(), d(total), "TAX_INVOICE", "29", "INTRA_STATE", new OrderEvents.Customer(null, "9876500001", null, null),
                tender(tender, total), d(taxable), d(cgst), d(cgst), d("0"), d(roundOff), 0L, false);
    }

    @Test
    void aRefundDebitsSalesReturnsAndTheTaxGivenBack() {
        // one of three biscuits: 25.40 + 2.29 + 2.29 = 29.98, paid back 30.00 in cash
        assertThat(lines(SaleEntries.refund(refund("25.40", "2.29", "0.02", "30.00", "CASH"), DAY))).containsExactly(
                Tuple.tuple(Account.SALES_RETURNS, "25.40", "0.00"),
                Tuple.tuple(Account.OUTPUT_CGST, "2.29", "0.00"),
                Tuple.tuple(Account.OUTPUT_SGST, "2.29", "0.00"),
                Tuple.tuple(Account.ROUND_OFF, "0.02", "0.00"),
                Tuple.tuple(Account.CASH, "0.00", "30.00"));
        // 118.00 of goods, the last refund of a sale pays back what is left of it (117.50): credited to the khata
        JournalEntry toKhata = SaleEntries.refund(refund("100.00", "9.00", "-0.50", "117.50", "CREDIT"), DAY);
        assertThat(lines(toKhata)).containsExactly(
                Tuple.tuple(Account.SALES_RETURNS, "100.00", "0.00"),
                Tuple.tuple(Account.OUTPUT_CGST, "9.00", "0.00"),
                Tuple.tuple(Account.OUTPUT_SGST, "9.00", "0.00"),
                Tuple.tuple(Account.ROUND_OFF, "0.00", "0.50"),
                Tuple.tuple(Account.CUSTOMERS, "0.00", "117.50"));
        assertThat(toKhata.lines().get(4).party()).isEqualTo("9876500001");
        assertThat(toKhata.source()).isEqualTo("order.refunded:r-1");
    }

    @Test
    void costOfSaleIsQuantityTimesMovingAverageCostRoundedToPaise() {
        var committed = new InventoryEvents.StockCommitted("o-1", List.of(
                new InventoryEvents.CostedLine("p1", new BigDecimal("3"), new BigDecimal("10.3333")),
                new InventoryEvents.CostedLine("p2", new BigDecimal("0.5"), new BigDecimal("80.0000"))));
        JournalEntry e = SaleEntries.cost(committed, DAY);
        // 3 × 10.3333 = 30.9999, + 40 = 70.9999 → 71.00
        assertThat(e.lines().get(0).debit()).isEqualByComparingTo("71.00");
        assertThat(e.lines().get(1).credit()).isEqualByComparingTo("71.00");
    }

    @Test
    void returnedGoodsGoBackToStockOrToWriteOffAtTheirSaleCost() {
        JournalEntry e = SaleEntries.costReturned("o-1", "order.refunded:r-1", List.of(
                new SaleEntries.ReturnedCost("p1", d("2"), d("40.1234"), true),
                new SaleEntries.ReturnedCost("p2", d("1"), d("10.0000"), false)), DAY);
        assertThat(lines(e)).containsExactly(
                Tuple.tuple(Account.INVENTORY, "80.25", "0.00"),
                Tuple.tuple(Account.STOCK_WRITE_OFF, "10.00", "0.00"),
                Tuple.tuple(Account.COST_OF_GOODS_SOLD, "0.00", "90.25"));
    }

    @Test
    void aSaleFromAProducerWithoutGstIsCashSales() {
        var sale = new OrderEvents.OrderConfirmed("o-1", "c", "INR", List.of(), new BigDecimal("491.00"), Instant.now());
        JournalEntry e = SaleEntries.sale(sale, DAY);
        assertThat(e.lines()).extracting(JournalEntry.Line::account).containsExactly(Account.CASH, Account.SALES);
        assertThat(e.totalDebits()).isEqualByComparingTo("491.00");
    }

    @Test
    void unbalancedOrNegativeEntriesAreRefused() {
        assertThatThrownBy(() -> JournalEntry.builder(DAY, "x", "s").debit(Account.CASH, new BigDecimal("10"))
                .credit(Account.SALES, new BigDecimal("9.99")).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> JournalEntry.builder(DAY, "x", "s").debit(Account.CASH, new BigDecimal("-1")))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(JournalEntry.builder(DAY, "x", "s").debit(Account.CASH, BigDecimal.ZERO).build().lines()).isEmpty();
    }
}
