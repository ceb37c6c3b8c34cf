package dev.kirana.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class PriceRulesTest {
    @Test
    void aTaxInclusivePriceMayEqualButNotExceedTheMrp() {
        assertThat(PriceRules.mrpViolation(new BigDecimal("260.00"), new BigDecimal("260.00"), true, new BigDecimal("5"))).isEmpty();
        assertThat(PriceRules.mrpViolation(new BigDecimal("260.01"), new BigDecimal("260.00"), true, new BigDecimal("5")))
                .hasValue("selling price 260.01 is above the MRP 260.00");
    }

    @Test
    void aTaxExclusivePriceIsComparedWithGstAdded() {
        // 247.62 + 5% = 260.001 -> 260.00: allowed; 247.63 + 5% = 260.0115 -> 260.01: above the MRP
        assertThat(PriceRules.priceWithTax(new BigDecimal("247.62"), false, new BigDecimal("5"))).isEqualByComparingTo("260.00");
        assertThat(PriceRules.mrpViolation(new BigDecimal("247.62"), new BigDecimal("260.00"), false, new BigDecimal("5"))).isEmpty();
        assertThat(PriceRules.mrpViolation(new BigDecimal("247.63"), new BigDecimal("260.00"), false, new BigDecimal("5")))
                .hasValue("selling price 247.63 plus 5% GST is 260.01, above the MRP 260.00");
        // a television at 18%: 42,000 + 18% = 49,560 against an MRP of 49,990
        assertThat(PriceRules.mrpViolation(new BigDecimal("42000"), new BigDecimal("49990"), false, new BigDecimal("18"))).isEmpty();
    }

    @Test
    void withoutAnMrpThereIsNothingToBreak() {
        assertThat(PriceRules.mrpViolation(new BigDecimal("999"), null, true, new BigDecimal("18"))).isEmpty();
        assertThat(PriceRules.priceWithTax(new BigDecimal("100"), true, new BigDecimal("40"))).isEqualByComparingTo("100");
        assertThat(PriceRules.priceWithTax(new BigDecimal("100"), false, new BigDecimal("40"))).isEqualByComparingTo("140.00");
    }
}
