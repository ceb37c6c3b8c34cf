package dev.kirana.accounting.purchase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.accounting.journal.Account;
import dev.kirana.accounting.journal.JournalEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PurchaseTaxTest {
    private static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void intraStateSplitsTheRateIntoCgstAndSgst() {
        // 10 x 40.00 = 400.00; 5 % within the state: CGST 2.5 % = 10.00, SGST 2.5 % = 10.00; total 420.00
        var a = PurchaseTax.line(d("10"), d("40.00"), d("5"), SupplyType.INTRA_STATE);
        assertThat(a.taxable()).isEqualByComparingTo("400.00");
        assertThat(a.cgst()).isEqualByComparingTo("10.00");
        assertThat(a.sgst()).isEqualByComparingTo("10.00");
        assertThat(a.igst()).isEqualByComparingTo("0.00");
        assertThat(a.total()).isEqualByComparingTo("420.00");
    }

    @Test
    void interStateTakesIgstAtTheFullRate() {
        // 3 x 333.33 = 999.99; 18 % IGST = 179.9982 -> 180.00; total 1179.99
        var a = PurchaseTax.line(d("3"), d("333.33"), d("18"), SupplyType.INTER_STATE);
        assertThat(a.taxable()).isEqualByComparingTo("999.99");
        assertThat(a.igst()).isEqualByComparingTo("180.00");
        assertThat(a.cgst().add(a.sgst())).isEqualByComparingTo("0");
        assertThat(a.total()).isEqualByComparingTo("1179.99");
    }

    @Test
    void eachTaxIsRoundedHalfUpToThePaisaPerLine() {
        // 1.5 x 12.3456 = 18.5184 -> 18.52; 5 %: half 2.5 % of 18.52 = 0.463 -> 0.46 each; 0.25 %: 0.125 % of 18.52 = 0.02315 -> 0.02
        var a = PurchaseTax.line(d("1.5"), d("12.3456"), d("5"), SupplyType.INTRA_STATE);
        assertThat(a.taxable()).isEqualByComparingTo("18.52");
        assertThat(a.cgst()).isEqualByComparingTo("0.46");
        var b = PurchaseTax.line(d("1.5"), d("12.3456"), d("0.25"), SupplyType.INTRA_STATE);
        assertThat(b.cgst()).isEqualByComparingTo("0.02");
        // 1 x 0.10 at 5 % within the state: 0.0025 -> 0.00 (HALF_UP of 0.0025 at 2 places is 0.00)
        assertThat(PurchaseTax.line(d("1"), d("0.10"), d("5"), SupplyType.INTRA_STATE).cgst()).isEqualByComparingTo("0.00");
        // 1 x 0.30 at 5 %: 0.0075 -> 0.01
        assertThat(PurchaseTax.line(d("1"), d("0.30"), d("5"), SupplyType.INTRA_STATE).cgst()).isEqualByComparingTo("0.01");
    }

    @Test
    void aSuppliersRoundingToTheRupeeIsItsRoundOff() {
        // lines 1119.99, bill printed 1120.00: round-off +0.01 (Dr Round off 4900 0.01, Cr Suppliers 1120.00)
        assertThat(PurchaseTax.roundOff(d("1119.99"), d("1120"))).isEqualByComparingTo("0.01");
        assertThat(PurchaseTax.roundOff(d("420.40"), d("420"))).isEqualByComparingTo("-0.40");
        assertThat(PurchaseTax.roundOff(d("420.40"), null)).isEqualByComparingTo("0");
        assertThatThrownBy(() -> PurchaseTax.roundOff(d("420.00"), d("425.00"))).hasMessageContaining("add up to 420.00, not 425.00");
        var a = PurchaseTax.line(d("3"), d("333.33"), d("12"), SupplyType.INTRA_STATE);   // 999.99 + 60.00 + 60.00 = 1119.99
        JournalEntry up = PurchaseEntries.bill(UUID.randomUUID(), LocalDate.of(2026, 4, 12), "Sharma Traders", null, "ST-9", a, d("0.01"));
        assertThat(up.totalCredits()).isEqualByComparingTo("1120.00");
        assertThat(up.lines()).extracting(JournalEntry.Line::account).contains(Account.ROUND_OFF);
        JournalEntry down = PurchaseEntries.bill(UUID.randomUUID(), LocalDate.of(2026, 4, 12), "Sharma Traders", null, "ST-9", a, d("-0.99"));
        assertThat(down.lines()).filteredOn(l -> l.account() == Account.SUPPLIERS).singleElement()
                .satisfies(l -> assertThat(l.credit()).isEqualByComparingTo("1119.00"));
    }

    @Test
    void aLineReturnedInPartsReversesExactlyWhatItPosted() {
        // billed: 3 x 33.33 = 99.99 at 5 % within the state -> CGST 2.49975 -> 2.50, SGST 2.50
        var billed = PurchaseTax.line(d("3"), d("33.33"), d("5"), SupplyType.INTRA_STATE);
        assertThat(billed.cgst()).isEqualByComparingTo("2.50");
        // first 1 back: 33.33, CGST 0.83325 -> 0.83, SGST 0.83
        var first = PurchaseTax.returned(d("3"), d("33.33"), d("5"), SupplyType.INTRA_STATE, billed, d("0"), PurchaseTax.Amounts.NONE, d("1"));
        assertThat(first.taxable()).isEqualByComparingTo("33.33");
        assertThat(first.cgst()).isEqualByComparingTo("0.83");
        // the last 2: what is left, 99.99 - 33.33 = 66.66 and 2.50 - 0.83 = 1.67 (computed afresh it would be 1.67 too, but
        // with 1 + 1 + 1 it would be 0.83 x 3 = 2.49, a paisa short)
        var second = PurchaseTax.returned(d("3"), d("33.33"), d("5"), SupplyType.INTRA_STATE, billed, d("1"), first, d("1"));
        var last = PurchaseTax.returned(d("3"), d("33.33"), d("5"), SupplyType.INTRA_STATE, billed, d("2"), first.plus(second), d("1"));
        assertThat(first.plus(second).plus(last)).isEqualTo(billed);
        assertThat(last.cgst()).isEqualByComparingTo("0.84");
        assertThatThrownBy(() -> PurchaseTax.returned(d("3"), d("33.33"), d("5"), SupplyType.INTRA_STATE, billed, d("2"), first, d("1.5")))
                .hasMessageContaining("only 1 of this line");
    }

    @Test
    void theBillPostsInventoryAndInputTaxAgainstTheSupplierAndTheDebitNoteUndoesIt() {
        var a = PurchaseTax.line(d("10"), d("40.00"), d("5"), SupplyType.INTRA_STATE);
        JournalEntry bill = PurchaseEntries.bill(UUID.randomUUID(), LocalDate.of(2026, 4, 12), "Sharma Traders", "9876500002", "ST-1", a, d("0.00"));
        assertThat(bill.lines()).extracting(JournalEntry.Line::account, JournalEntry.Line::debit, JournalEntry.Line::credit)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(Account.INVENTORY, d("400.00"), d("0.00")),
                        org.assertj.core.groups.Tuple.tuple(Account.INPUT_CGST, d("10.00"), d("0.00")),
                        org.assertj.core.groups.Tuple.tuple(Account.INPUT_SGST, d("10.00"), d("0.00")),
                        org.assertj.core.groups.Tuple.tuple(Account.SUPPLIERS, d("0.00"), d("420.00")));
        // 2 of the 10 back: 80.00 + 2.00 + 2.00 = 84.00
        var back = PurchaseTax.line(d("2"), d("40.00"), d("5"), SupplyType.INTRA_STATE);
        JournalEntry note = PurchaseEntries.debitNote(UUID.randomUUID(), LocalDate.of(2026, 4, 15), "Sharma Traders", "9876500002",
                "DN/26-27/0001", "ST-1", back);
        assertThat(note.totalDebits()).isEqualByComparingTo("84.00");
        assertThat(note.lines()).extracting(JournalEntry.Line::account)
                .containsExactly(Account.SUPPLIERS, Account.INVENTORY, Account.INPUT_CGST, Account.INPUT_SGST);
        // across states: one IGST line
        var igst = PurchaseTax.line(d("2"), d("500"), d("18"), SupplyType.INTER_STATE);
        assertThat(PurchaseEntries.bill(UUID.randomUUID(), LocalDate.of(2026, 4, 12), "Delhi Mills", null, "DM-9", igst, d("0.00")).lines())
                .extracting(JournalEntry.Line::account).containsExactly(Account.INVENTORY, Account.INPUT_IGST, Account.SUPPLIERS);
    }

    @Test
    void goodsLeavingStockAtAnotherCostThanTheBillsMoveTheDifferenceToCostOfSales() {
        // 2 back, billed at 40.00 = 80.00; inventory's moving average was 42.00 -> 84.00 left stock: Dr COGS 4.00, Cr Inventory 4.00
        JournalEntry dearer = PurchaseEntries.returnCostDifference("e1", LocalDate.of(2026, 4, 15), "DN/26-27/0001", "p-atta", d("84.00"), d("80.00"));
        assertThat(dearer.lines()).extracting(JournalEntry.Line::account, JournalEntry.Line::debit, JournalEntry.Line::credit).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Account.COST_OF_GOODS_SOLD, d("4.00"), d("0.00")),
                org.assertj.core.groups.Tuple.tuple(Account.INVENTORY, d("0.00"), d("4.00")));
        // 4 back at 40.00 = 160.00 but only 3 were in stock at 40.00 = 120.00: Dr Inventory 40.00, Cr COGS 40.00
        JournalEntry short_ = PurchaseEntries.returnCostDifference("e2", LocalDate.of(2026, 4, 15), "DN/26-27/0002", "p-atta", d("120.00"), d("160.00"));
        assertThat(short_.lines()).extracting(JournalEntry.Line::account, JournalEntry.Line::debit).containsExactly(
                org.assertj.core.groups.Tuple.tuple(Account.INVENTORY, d("40.00")), org.assertj.core.groups.Tuple.tuple(Account.COST_OF_GOODS_SOLD, d("0.00")));
        // at the bill's cost: nothing to post
        assertThat(PurchaseEntries.returnCostDifference("e3", LocalDate.of(2026, 4, 15), "DN/26-27/0003", "p-atta", d("80.00"), d("80.00")).lines()).isEmpty();
    }

    @Test
    void debitNotesAreNumberedPerFinancialYear() {
        assertThat(DebitNoteNumber.financialYear(LocalDate.of(2026, 4, 1))).isEqualTo("26-27");
        assertThat(DebitNoteNumber.financialYear(LocalDate.of(2027, 3, 31))).isEqualTo("26-27");
        assertThat(DebitNoteNumber.financialYear(LocalDate.of(2099, 12, 1))).isEqualTo("99-00");
        assertThat(DebitNoteNumber.format("26-27", 7)).isEqualTo("DN/26-27/0007").hasSizeLessThanOrEqualTo(16);
    }

    @Test
    void supplyTypeFollowsTheStates() {
        assertThat(SupplyType.between("29", "29")).isEqualTo(SupplyType.INTRA_STATE);
        assertThat(SupplyType.between("07", "29")).isEqualTo(SupplyType.INTER_STATE);
        assertThat(SupplyType.between(null, "29")).isNull();
    }

    @Test
    void badBillsNameEveryWrongField() {
        var today = LocalDate.of(2026, 4, 20);
        var r = new PurchaseBillRequest(null, "  ", today.plusDays(1), null, List.of(
                new PurchaseBillRequest.Line("p-1", d("0"), d("-1"), d("7"), null, null, null)),
                new PurchaseBillRequest.PaidNow(d("10.001"), dev.kirana.accounting.khata.PaymentMode.CARD, null), null, d("-1"));
        assertThat(PurchaseRules.check(r, today)).extracting(dev.kirana.web.problem.Problems.FieldError::field)
                .containsExactlyInAnyOrder("supplierId", "billNumber", "billDate", "lines[0].quantity", "lines[0].unitCost",
                        "lines[0].gstRate", "billTotal", "paidNow.amount", "paidNow.mode");
        assertThat(PurchaseRules.billKey(" st/2026  41 ")).isEqualTo("ST/2026 41");
    }

    @Test
    void badReturnsNameEveryWrongField() {
        var today = LocalDate.of(2026, 4, 20);
        assertThat(PurchaseRules.check(new PurchaseReturnRequest(today.plusDays(1), null, List.of(
                        new PurchaseReturnRequest.Line(1, d("2")), new PurchaseReturnRequest.Line(1, d("0")),
                        new PurchaseReturnRequest.Line(null, d("1")), new PurchaseReturnRequest.Line(2, d("0.0005")))), today))
                .extracting(dev.kirana.web.problem.Problems.FieldError::field)
                .containsExactly("date", "lines[1].lineNo", "lines[1].quantity", "lines[2].lineNo", "lines[3].quantity");
        assertThat(PurchaseRules.check(new PurchaseReturnRequest(null, null, List.of()), today))
                .extracting(dev.kirana.web.problem.Problems.FieldError::field).containsExactly("lines");
        assertThat(PurchaseRules.check(new PurchaseReturnRequest(today, "torn", List.of(new PurchaseReturnRequest.Line(1, d("2")))), today)).isEmpty();
    }
}
