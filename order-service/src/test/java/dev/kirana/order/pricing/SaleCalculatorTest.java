package dev.kirana.order.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.order.gst.DocumentType;
import dev.kirana.order.gst.LineTax;
import dev.kirana.order.gst.RegistrationType;
import dev.kirana.order.gst.SupplyType;
import dev.kirana.order.pricing.SaleCalculator.Line;
import dev.kirana.order.pricing.SaleCalculator.PricedSale;
import dev.kirana.order.pricing.SaleCalculator.Sale;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Worked examples: every figure below was computed by hand from the rules in SaleCalculator and GstCalculator. */
class SaleCalculatorTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    static Line line(String price, String qty, String rate, boolean inclusive) {
        return new Line(d(price), d(qty), d(rate), inclusive, null, null);
    }

    static PricedSale intra(List<Line> lines) {
        return SaleCalculator.price(new Sale(RegistrationType.REGULAR, "29", "29", lines, null, null));
    }

    @Test
    void mixedRatesInclusiveAndExclusiveIntraState() {
        PricedSale s = intra(List.of(
                line("245.50", "2", "5", true),    // atta, MRP: 491 → taxable 467.62, 11.69 + 11.69
                line("199.00", "1", "18", true),   // shampoo, MRP: 199 → 168.64, 15.18 + 15.18
                line("25.40", "3", "18", false),   // biscuits, exclusive: 76.20 + 6.86 + 6.86 = 89.92
                line("62.00", "5", "0", false)));  // rice, nil-rated: 310.00
        assertThat(s.document()).isEqualTo(DocumentType.TAX_INVOICE);
        assertThat(s.supply()).isEqualTo(SupplyType.INTRA_STATE);
        assertThat(s.lines()).extracting(SaleCalculator.PricedLine::tax).containsExactly(
                new LineTax(d("467.62"), d("11.69"), d("11.69"), d("0.00")),
                new LineTax(d("168.64"), d("15.18"), d("15.18"), d("0.00")),
                new LineTax(d("76.20"), d("6.86"), d("6.86"), d("0.00")),
                new LineTax(d("310.00"), d("0.00"), d("0.00"), d("0.00")));
        assertThat(s.taxableValue()).isEqualByComparingTo("1022.46");
        assertThat(s.cgst()).isEqualByComparingTo("33.73");
        assertThat(s.sgst()).isEqualByComparingTo("33.73");
        assertThat(s.igst()).isEqualByComparingTo("0");
        assertThat(s.exactTotal()).isEqualByComparingTo("1089.92");
        assertThat(s.roundOff()).isEqualByComparingTo("0.08");
        assertThat(s.payable()).isEqualByComparingTo("1090.00");
        assertThat(s.byRate()).extracting(r -> r.rate().toPlainString(), r -> r.taxableValue().toPlainString(), r -> r.cgst().toPlainString())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("0", "310.00", "0.00"),
                        org.assertj.core.groups.Tuple.tuple("5", "467.62", "11.69"),
                        org.assertj.core.groups.Tuple.tuple("18", "244.84", "22.04"));
    }

    @Test
    void sameCartInterStateIsIgst() {
        PricedSale s = SaleCalculator.price(new Sale(RegistrationType.REGULAR, "29", "27", List.of(
                line("245.50", "2", "5", true), line("25.40", "3", "18", false)), null, null));
        assertThat(s.supply()).isEqualTo(SupplyType.INTER_STATE);
        // 491 × 100/105 = 467.62, IGST 23.38 (= 491 − 467.62); 76.20 × 18% = 13.716 → 13.72
        assertThat(s.lines().get(0).tax()).isEqualTo(new LineTax(d("467.62"), d("0.00"), d("0.00"), d("23.38")));
        assertThat(s.lines().get(1).tax()).isEqualTo(new LineTax(d("76.20"), d("0.00"), d("0.00"), d("13.72")));
        assertThat(s.exactTotal()).isEqualByComparingTo("580.92");
        assertThat(s.payable()).isEqualByComparingTo("581.00");
        assertThat(s.roundOff()).isEqualByComparingTo("0.08");
    }

    @Test
    void discountsComeOffBeforeTaxAndTheOrderDiscountIsSharedByLineAmount() {
        PricedSale s = intra(List.of(
                new Line(d("245.50"), d("2"), d("5"), true, null, d("10")),  // 491.00 − 10% (49.10) = 441.90
                line("25.40", "3", "18", false)));                          // 76.20
        // ₹50 off the order, shared 441.90 : 76.20 → 42.6462 : 7.3538 → 42.65 (largest remainder) + 7.35
        s = SaleCalculator.price(new Sale(RegistrationType.REGULAR, "29", "29", List.of(
                new Line(d("245.50"), d("2"), d("5"), true, null, d("10")), line("25.40", "3", "18", false)), d("50"), null));
        assertThat(s.lines().get(0).lineDiscount()).isEqualByComparingTo("49.10");
        assertThat(s.lines().get(0).orderDiscount()).isEqualByComparingTo("42.65");
        assertThat(s.lines().get(1).orderDiscount()).isEqualByComparingTo("7.35");
        // atta: net 399.25 inclusive → 399.25 × 100/105 = 380.24; 2.5% = 9.506 → 9.51 each; taxable 399.25 − 19.02
        assertThat(s.lines().get(0).tax()).isEqualTo(new LineTax(d("380.23"), d("9.51"), d("9.51"), d("0.00")));
        // biscuits: net 68.85 exclusive; 9% = 6.1965 → 6.20 each → 81.25
        assertThat(s.lines().get(1).tax()).isEqualTo(new LineTax(d("68.85"), d("6.20"), d("6.20"), d("0.00")));
        assertThat(s.discount()).isEqualByComparingTo("99.10");
        assertThat(s.exactTotal()).isEqualByComparingTo("480.50");
        assertThat(s.payable()).isEqualByComparingTo("481.00");
        assertThat(s.roundOff()).isEqualByComparingTo("0.50");
    }

    @Test
    void orderDiscountPercentAndSharesAddUpToThePaise() {
        PricedSale s = SaleCalculator.price(new Sale(RegistrationType.REGULAR, "29", "29", List.of(
                line("10.00", "1", "0", false), line("10.00", "1", "0", false), line("10.00", "1", "0", false)), d("0.10"), null));
        assertThat(s.lines()).extracting(SaleCalculator.PricedLine::orderDiscount)
                .containsExactly(d("0.04"), d("0.03"), d("0.03"));
        assertThat(s.payable()).isEqualByComparingTo("30.00"); // 29.90 rounds up
        PricedSale pct = SaleCalculator.price(new Sale(RegistrationType.REGULAR, "29", "29", List.of(
                line("200.00", "1", "0", false)), null, d("12.5")));
        assertThat(pct.discount()).isEqualByComparingTo("25.00");
    }

    @Test
    void compositionShopIssuesABillOfSupplyAndSellsOnlyInItsState() {
        PricedSale s = SaleCalculator.price(new Sale(RegistrationType.COMPOSITION, "29", "29",
                List.of(line("48.00", "2", "5", true), line("25.40", "3", "18", false)), null, null));
        assertThat(s.document()).isEqualTo(DocumentType.BILL_OF_SUPPLY);
        assertThat(s.tax()).isEqualByComparingTo("0");
        assertThat(s.taxableValue()).isEqualByComparingTo("172.20");
        assertThat(s.payable()).isEqualByComparingTo("172.00");
        assertThat(s.roundOff()).isEqualByComparingTo("-0.20");
        assertThatThrownBy(() -> SaleCalculator.price(new Sale(RegistrationType.COMPOSITION, "29", "27",
                List.of(line("48.00", "2", "5", true)), null, null)))
                .isInstanceOf(PricingException.class).hasMessageContaining("inter-state");
    }

    @Test
    void aDiscountAboveThePriceIsRefused() {
        assertThatThrownBy(() -> intra(List.of(new Line(d("48.00"), d("2"), d("5"), true, d("96.01"), null))))
                .isInstanceOfSatisfying(PricingException.class, e -> assertThat(e.field()).isEqualTo("lines[0].discount"));
        assertThatThrownBy(() -> SaleCalculator.price(new Sale(RegistrationType.REGULAR, "29", "29",
                List.of(line("48.00", "2", "5", true)), d("100"), null)))
                .isInstanceOfSatisfying(PricingException.class, e -> assertThat(e.field()).isEqualTo("discount"));
        assertThatThrownBy(() -> intra(List.of(new Line(d("48.00"), d("2"), d("5"), true, d("1"), d("1")))))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> intra(List.of(new Line(d("48.00"), d("2"), d("5"), true, null, d("101")))))
                .hasMessageContaining("between 0 and 100");
    }

    @Test
    void aFullDiscountLeavesNothingToPay() {
        PricedSale s = intra(List.of(new Line(d("48.00"), d("2"), d("5"), true, null, d("100"))));
        assertThat(s.payable()).isEqualByComparingTo("0");
        assertThat(s.tax()).isEqualByComparingTo("0");
    }
}
