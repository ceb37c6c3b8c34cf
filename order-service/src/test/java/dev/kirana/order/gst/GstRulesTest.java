package dev.kirana.order.gst;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GstRulesTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void inclusivePriceIntraStateKeepsWhatTheCustomerPaysAndSplitsTaxEqually() {
        // 2 × 48.00 MRP at 5%: 96 × 100/105 = 91.43, CGST = SGST = 91.43 × 2.5% = 2.29, taxable 96 − 4.58
        LineTax t = GstCalculator.line(d("96.00"), d("5"), true, SupplyType.INTRA_STATE, DocumentType.TAX_INVOICE);
        assertThat(t).isEqualTo(new LineTax(d("91.42"), d("2.29"), d("2.29"), d("0.00")));
        assertThat(t.total()).isEqualByComparingTo("96.00");
    }

    @Test
    void inclusivePriceInterStateIsAllIgst() {
        LineTax t = GstCalculator.line(d("96.00"), d("5"), true, SupplyType.INTER_STATE, DocumentType.TAX_INVOICE);
        assertThat(t).isEqualTo(new LineTax(d("91.43"), d("0.00"), d("0.00"), d("4.57")));
    }

    @Test
    void exclusivePriceAddsTaxPerComponentToThePaise() {
        // 118.50 at 18%: 9% = 10.665 → 10.67 each
        LineTax t = GstCalculator.line(d("118.50"), d("18"), false, SupplyType.INTRA_STATE, DocumentType.TAX_INVOICE);
        assertThat(t).isEqualTo(new LineTax(d("118.50"), d("10.67"), d("10.67"), d("0.00")));
        assertThat(t.total()).isEqualByComparingTo("139.84");
        LineTax igst = GstCalculator.line(d("118.50"), d("18"), false, SupplyType.INTER_STATE, DocumentType.TAX_INVOICE);
        assertThat(igst.igst()).isEqualByComparingTo("21.33");
    }

    @Test
    void billOfSupplyChargesNoTax() {
        LineTax t = GstCalculator.line(d("96.00"), d("5"), true, SupplyType.INTRA_STATE, DocumentType.BILL_OF_SUPPLY);
        assertThat(t).isEqualTo(new LineTax(d("96.00"), d("0.00"), d("0.00"), d("0.00")));
    }

    @Test
    void roundOffIsToTheNearestRupeeHalfUp() {
        assertThat(GstCalculator.roundToRupee(d("139.84"))).isEqualByComparingTo("140.00");
        assertThat(GstCalculator.roundToRupee(d("480.50"))).isEqualByComparingTo("481.00");
        assertThat(GstCalculator.roundToRupee(d("480.49"))).isEqualByComparingTo("480.00");
    }

    @Test
    void financialYearRunsAprilToMarch() {
        assertThat(FinancialYear.of(LocalDate.of(2026, 3, 31)).label()).isEqualTo("2526");
        assertThat(FinancialYear.of(LocalDate.of(2026, 4, 1)).label()).isEqualTo("2627");
        assertThat(FinancialYear.of(LocalDate.of(2099, 12, 31)).label()).isEqualTo("9900");
        assertThat(FinancialYear.of(LocalDate.of(2026, 3, 31), 1).label()).isEqualTo("2026");
    }

    @Test
    void documentNumbersAreAtMostSixteenAllowedCharacters() {
        FinancialYear fy = FinancialYear.of(LocalDate.of(2026, 11, 21));
        assertThat(DocumentNumber.format("INV", fy, 1)).isEqualTo("INV/2627/00001");
        assertThat(DocumentNumber.format("ABCD", fy, 999_999)).isEqualTo("ABCD/2627/999999").hasSize(16);
        assertThatThrownBy(() -> DocumentNumber.format("ABCD", fy, 1_000_000)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> DocumentNumber.format("INV#", fy, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocumentNumber.format("TOOLONG", fy, 1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ratesFollowTheDateOfSupply() {
        // a 12% item moved to 5% from 22-09-2025: old invoices keep 12%
        RateSchedule s = RateSchedule.of(Map.of(LocalDate.of(2017, 7, 1), d("12"), LocalDate.of(2025, 9, 22), d("5")));
        assertThat(s.rateOn(LocalDate.of(2025, 9, 21))).isEqualByComparingTo("12");
        assertThat(s.rateOn(LocalDate.of(2025, 9, 22))).isEqualByComparingTo("5");
        assertThat(s.rateOn(LocalDate.of(2010, 1, 1))).isEqualByComparingTo("12");
    }

    @Test
    void amountsInIndianWords() {
        assertThat(AmountInWords.rupees(d("96.00"))).isEqualTo("Rupees Ninety Six Only");
        assertThat(AmountInWords.rupees(d("123456.78")))
                .isEqualTo("Rupees One Lakh Twenty Three Thousand Four Hundred Fifty Six and Seventy Eight Paise Only");
        assertThat(AmountInWords.rupees(d("100000000"))).isEqualTo("Rupees Ten Crore Only");
        assertThat(AmountInWords.rupees(d("1090"))).isEqualTo("Rupees One Thousand Ninety Only");
        assertThat(AmountInWords.rupees(d("0"))).isEqualTo("Rupees Zero Only");
    }
}
