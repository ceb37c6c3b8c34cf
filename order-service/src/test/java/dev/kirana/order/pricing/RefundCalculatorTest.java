package dev.kirana.order.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.order.pricing.RefundCalculator.Refund;
import dev.kirana.order.pricing.RefundCalculator.Return;
import dev.kirana.order.pricing.RefundCalculator.SoldLine;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class RefundCalculatorTest {
    static final BigDecimal Z = new BigDecimal("0.00");

    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    // the mixed cart of SaleCalculatorTest, paid 1090.00 (exact 1089.92)
    static List<SoldLine> sold() {
        return List.of(
                new SoldLine(1, d("2"), d("467.62"), d("11.69"), d("11.69"), Z, Z, Z, Z, Z, Z),
                new SoldLine(3, d("3"), d("76.20"), d("6.86"), d("6.86"), Z, Z, Z, Z, Z, Z));
    }

    @Test
    void partialReturnPaysBackItsShareAtTheInvoiceRatesRoundedToTheRupee() {
        Refund r = RefundCalculator.refund(sold(), List.of(new Return(3, d("1"))), d("580.92"), Z);
        // one of three biscuits: 76.20/3 = 25.40, 6.86/3 = 2.2867 → 2.29 each → 29.98 → 30.00 with +0.02 round-off
        assertThat(r.lines().get(0).taxableValue()).isEqualByComparingTo("25.40");
        assertThat(r.lines().get(0).cgst()).isEqualByComparingTo("2.29");
        assertThat(r.total()).isEqualByComparingTo("30.00");
        assertThat(r.roundOff()).isEqualByComparingTo("0.02");
        assertThat(r.completesSale()).isFalse();
    }

    @Test
    void returningEverythingInStepsPaysBackExactlyWhatWasPaid() {
        Refund first = RefundCalculator.refund(sold(), List.of(new Return(3, d("1"))), d("581.00"), Z);
        List<SoldLine> after = List.of(sold().get(0),
                new SoldLine(3, d("3"), d("76.20"), d("6.86"), d("6.86"), Z, d("1"), d("25.40"), d("2.29"), d("2.29"), Z));
        Refund rest = RefundCalculator.refund(after, List.of(new Return(1, d("2")), new Return(3, d("2"))), d("581.00"), first.total());
        assertThat(rest.completesSale()).isTrue();
        assertThat(first.total().add(rest.total())).isEqualByComparingTo("581.00");
        // line 3's last two units get what is left of it: 76.20 − 25.40, 6.86 − 2.29
        assertThat(rest.lines().get(1).taxableValue()).isEqualByComparingTo("50.80");
        assertThat(rest.lines().get(1).cgst()).isEqualByComparingTo("4.57");
    }

    @Test
    void cannotReturnMoreThanWasSoldOrALineThatIsNotThere() {
        assertThatThrownBy(() -> RefundCalculator.refund(sold(), List.of(new Return(1, d("3"))), d("581"), Z))
                .isInstanceOfSatisfying(PricingException.class, e -> {
                    assertThat(e.field()).isEqualTo("lines[0].quantity");
                    assertThat(e.getMessage()).contains("only 2 of line 1");
                });
        assertThatThrownBy(() -> RefundCalculator.refund(sold(), List.of(new Return(2, d("1"))), d("581"), Z))
                .hasMessageContaining("no line 2");
        assertThatThrownBy(() -> RefundCalculator.refund(sold(), List.of(new Return(1, d("1")), new Return(1, d("1"))), d("581"), Z))
                .hasMessageContaining("named twice");
    }
}
