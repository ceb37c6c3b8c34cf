package dev.kirana.accounting.gstreturn;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** GSTR-3B of the month of {@link Gstr1BuilderTest}, worked by hand, and the rupee rounding and set-off of the tax. */
class Gstr3bBuilderTest {

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Gstr3b.Payable head(List<Gstr3b.Payable> rows, String head) {
        return rows.stream().filter(r -> r.head().equals(head)).findFirst().orElseThrow();
    }

    @Test
    void theMonthsFiguresAreTheOnesWorkedByHand() {
        // input tax: bills IGST 1,800.00, CGST 200.00, SGST 200.00; a debit note takes back IGST 180.00
        Gstr3b r = Gstr3bBuilder.build(Gstr1BuilderTest.SHOP, Gstr1BuilderTest.NOVEMBER, Gstr1BuilderTest.MONTH,
                new Gstr3bBuilder.InputTax(d("1620.00"), d("200.00"), d("200.00")));
        assertThat(r.retPeriod()).isEqualTo("112026");
        Gstr3b.Amounts out = r.supDetails().osupDet();
        // taxable: 10,000 + 9,000 + 1,20,000 + 1,800 + 2,500 = 1,43,300.00 less the notes 500 + 200 = 1,42,600.00
        assertThat(out.txval()).isEqualByComparingTo("142600.00");
        // IGST: 200 + 900 + 6,000 + 360 + 25 = 7,485.00 less 90.00 = 7,395.00
        assertThat(out.iamt()).isEqualByComparingTo("7395.00");
        // CGST (and SGST): 250 + 25 + 72 = 347.00 less 18.00 = 329.00; the voided 27.00 not at all
        assertThat(out.camt()).isEqualByComparingTo("329.00");
        assertThat(out.samt()).isEqualByComparingTo("329.00");
        assertThat(r.supDetails().osupNilExmp().txval()).isEqualByComparingTo("600.00");
        assertThat(r.supDetails().osupZero().txval()).isEqualByComparingTo("0");
        // 3.2: Gujarat 1,20,000.00 / 6,000.00; Karnataka consumers 2,000 + 500 = 2,500.00 / 360 + 25 = 385.00
        assertThat(r.interSup().unregDetails()).extracting(Gstr3b.StateSupply::pos).containsExactly("24", "29");
        assertThat(r.interSup().unregDetails().get(0).txval()).isEqualByComparingTo("120000.00");
        assertThat(r.interSup().unregDetails().get(0).iamt()).isEqualByComparingTo("6000.00");
        assertThat(r.interSup().unregDetails().get(1).txval()).isEqualByComparingTo("2500.00");
        assertThat(r.interSup().unregDetails().get(1).iamt()).isEqualByComparingTo("385.00");
        Gstr3b.ItcRow other = r.itcElg().itcAvl().stream().filter(x -> x.ty().equals("OTH")).findFirst().orElseThrow();
        assertThat(other.iamt()).isEqualByComparingTo("1620.00");
        assertThat(r.itcElg().itcNet().camt()).isEqualByComparingTo("200.00");
        // 6.1: IGST 7,395 - 1,620 credit = 5,775 cash; CGST 329 - 200 = 129; SGST 329 - 200 = 129
        Gstr3b.Payable igst = head(r.taxPayable(), "IGST");
        assertThat(igst.taxPayable()).isEqualByComparingTo("7395");
        assertThat(igst.paidByIgst()).isEqualByComparingTo("1620");
        assertThat(igst.paidInCash()).isEqualByComparingTo("5775");
        assertThat(head(r.taxPayable(), "CGST").paidByCgst()).isEqualByComparingTo("200");
        assertThat(head(r.taxPayable(), "CGST").paidInCash()).isEqualByComparingTo("129");
        assertThat(head(r.taxPayable(), "SGST").paidInCash()).isEqualByComparingTo("129");
    }

    @Test
    void taxIsRoundedToTheRupeeAndIgstCreditIsUsedFirst() {
        // tax: IGST 1,000.40 -> 1,000; CGST 500.50 -> 501; SGST 500.50 -> 501. Credit: IGST 1,800.00; CGST 100.25 -> 100; SGST 0
        List<Gstr3b.Payable> rows = Gstr3bBuilder.payable(d("1000.40"), d("500.50"), d("500.50"),
                new Gstr3bBuilder.InputTax(d("1800.00"), d("100.25"), d("0.00")));
        // IGST credit 1,800: 1,000 against IGST, 501 against CGST, the last 299 against SGST; SGST 501 - 299 = 202 in cash
        Gstr3b.Payable igst = head(rows, "IGST");
        assertThat(igst.taxPayable()).isEqualByComparingTo("1000");
        assertThat(igst.paidByIgst()).isEqualByComparingTo("1000");
        assertThat(igst.paidInCash()).isEqualByComparingTo("0");
        Gstr3b.Payable cgst = head(rows, "CGST");
        assertThat(cgst.taxPayable()).isEqualByComparingTo("501");
        assertThat(cgst.paidByIgst()).isEqualByComparingTo("501");
        assertThat(cgst.paidByCgst()).isEqualByComparingTo("0");
        // CGST credit (100) finds nothing left to pay: carried forward, never set off against SGST
        assertThat(cgst.creditCarriedForward()).isEqualByComparingTo("100");
        Gstr3b.Payable sgst = head(rows, "SGST");
        assertThat(sgst.taxPayable()).isEqualByComparingTo("501");
        assertThat(sgst.paidByIgst()).isEqualByComparingTo("299");
        assertThat(sgst.paidByCgst()).isEqualByComparingTo("0");
        assertThat(sgst.paidInCash()).isEqualByComparingTo("202");
        assertThat(igst.creditCarriedForward()).isEqualByComparingTo("0");
    }
}
