package dev.kirana.accounting.expense;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.accounting.ledger.LedgerEntry;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ExpenseRulesTest {
    /** The day the expenses are paid: under GST 2.0, after 28 % for tobacco ended. */
    static final LocalDate PAID = LocalDate.of(2026, 4, 1);
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void electricityOfRs1180IncludingEighteenPercentIsRs1000AndNinetyPlusNinety() {
        // tax = 1180.00 × 18 / 118 = 180.00; net = 1180.00 − 180.00 = 1000.00; CGST = SGST = 180.00 / 2 = 90.00
        var s = ExpenseTax.split(d("1180.00"), d("18"), null, false);
        assertThat(s.net()).isEqualByComparingTo("1000.00");
        assertThat(s.cgst()).isEqualByComparingTo("90.00");
        assertThat(s.sgst()).isEqualByComparingTo("90.00");
        assertThat(s.igst()).isEqualByComparingTo("0");
    }

    @Test
    void taxWorkedOutToThePaisaAndTheOddPaisaGoesToCgst() {
        // 500.00 × 5 / 105 = 23.8095… → 23.81; net 476.19; CGST 23.81 / 2 = 11.905 → 11.91, SGST 23.81 − 11.91 = 11.90
        var s = ExpenseTax.split(d("500"), d("5"), null, false);
        assertThat(s.net()).isEqualByComparingTo("476.19");
        assertThat(s.cgst()).isEqualByComparingTo("11.91");
        assertThat(s.sgst()).isEqualByComparingTo("11.90");
        assertThat(s.net().add(s.tax())).isEqualByComparingTo("500.00");
    }

    @Test
    void interStateIsAllIgstAndAGivenTaxAmountIsTaken() {
        // transport 2,360.00 at 18% from another state: 2360 × 18 / 118 = 360.00 IGST, net 2,000.00
        var s = ExpenseTax.split(d("2360.00"), d("18"), null, true);
        assertThat(s.igst()).isEqualByComparingTo("360.00");
        assertThat(s.net()).isEqualByComparingTo("2000.00");
        // the bill says 359.50 (rounded per line): within a rupee of 360.00, so taken; net 2,000.50
        assertThat(ExpenseTax.check(d("2360.00"), d("18"), d("359.50"), PAID)).isEmpty();
        var billed = ExpenseTax.split(d("2360.00"), d("18"), d("359.50"), false);
        assertThat(billed.net()).isEqualByComparingTo("2000.50");
        assertThat(billed.cgst()).isEqualByComparingTo("179.75");
        assertThat(billed.sgst()).isEqualByComparingTo("179.75");
    }

    @Test
    void badAmountsAndRatesAreNamed() {
        assertThat(ExpenseTax.check(d("0"), null, null, PAID)).extracting(ExpenseTax.Violation::field).containsExactly("amount");
        assertThat(ExpenseTax.check(d("-5"), null, null, PAID)).extracting(ExpenseTax.Violation::field).containsExactly("amount");
        assertThat(ExpenseTax.check(d("10.005"), null, null, PAID)).extracting(ExpenseTax.Violation::field).containsExactly("amount");
        assertThat(ExpenseTax.check(d("100"), d("7"), null, PAID)).extracting(ExpenseTax.Violation::field).containsExactly("gstRate");
        // 12 % was a rate until 21 September 2025, not after
        assertThat(ExpenseTax.check(d("112"), d("12"), null, LocalDate.of(2025, 9, 21))).isEmpty();
        assertThat(ExpenseTax.check(d("112"), d("12"), null, PAID)).extracting(ExpenseTax.Violation::message)
                .containsExactly("is not a GST rate in force on 2026-04-01 (0, 0.1, 0.25, 1.5, 3, 5, 18, 40)");
        assertThat(ExpenseTax.check(d("100"), null, d("5"), PAID)).extracting(ExpenseTax.Violation::field).containsExactly("gstRate");
        // 1180 at 18% is 180.00 of tax; 200.00 is more than a rupee off
        assertThat(ExpenseTax.check(d("1180"), d("18"), d("200"), PAID)).extracting(ExpenseTax.Violation::field).containsExactly("gstAmount");
    }

    @Test
    void theEntryDebitsTheExpenseAndInputTaxAndCreditsWhereItWasPaidFrom() {
        var split = ExpenseTax.split(d("1180.00"), d("18"), null, false);
        LedgerEntry e = ExpenseEntries.entry(UUID.randomUUID(), LocalDate.of(2026, 11, 30), "Electricity", "5310", split, "1050", "BESCOM", "B-42");
        assertThat(e.lines()).extracting(l -> l.account() + " " + l.debit() + " " + l.credit())
                .containsExactly("5310 1000.00 0.00", "1300 90.00 0.00", "1310 90.00 0.00", "1050 0.00 1180.00");
        LedgerEntry back = ExpenseEntries.reversal(e, UUID.randomUUID(), UUID.randomUUID(), LocalDate.of(2026, 12, 1), "twice");
        assertThat(back.lines()).extracting(l -> l.account() + " " + l.debit() + " " + l.credit())
                .containsExactly("5310 0.00 1000.00", "1300 0.00 90.00", "1310 0.00 90.00", "1050 1180.00 0.00");
    }

    @Test
    void aReceiptIsAJpegPngOrPdfByItsFirstBytes() {
        assertThat(ReceiptFile.detect(new byte[]{(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0})).contains("image/jpeg");
        assertThat(ReceiptFile.detect(new byte[]{(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0})).contains("image/png");
        assertThat(ReceiptFile.detect("%PDF-1.7\n".getBytes())).contains("application/pdf");
        assertThat(ReceiptFile.problem("GIF89a....".getBytes())).isPresent();
        assertThat(ReceiptFile.problem(new byte[0])).isPresent();
        byte[] big = new byte[ReceiptFile.MAX_BYTES + 1];
        big[0] = (byte) 0xFF;
        big[1] = (byte) 0xD8;
        big[2] = (byte) 0xFF;
        assertThat(ReceiptFile.problem(big)).get().asString().contains("2 MB");
    }
}
