package dev.kirana.order.pricing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.order.pricing.Tendering.Settlement;
import dev.kirana.order.pricing.Tendering.Tender;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

class TenderingTest {
    static BigDecimal d(String s) {
        return new BigDecimal(s);
    }

    @Test
    void splitTenderWithCashChange() {
        // 1090 due: 500 on UPI, 300 on card, 500 cash handed over → 210 change
        Settlement s = Tendering.settle(d("1090.00"), List.of(new Tender(TenderType.UPI, d("500"), "UTR123"),
                new Tender(TenderType.CARD, d("300"), null), new Tender(TenderType.CASH, d("500"), null)), false, null);
        assertThat(s.change()).isEqualByComparingTo("210.00");
        assertThat(s.received()).isEqualByComparingTo("1300.00");
        assertThat(s.tenders().get(2).applied()).isEqualByComparingTo("290.00");
        assertThat(s.tenders().get(2).change()).isEqualByComparingTo("210.00");
        assertThat(s.tenders().get(0).reference()).isEqualTo("UTR123");
        assertThat(s.appliedOf(TenderType.CASH).add(s.appliedOf(TenderType.CARD)).add(s.appliedOf(TenderType.UPI)))
                .isEqualByComparingTo("1090.00");
    }

    @Test
    void noTendersMeansExactCash() {
        Settlement s = Tendering.settle(d("96.00"), List.of(), false, null);
        assertThat(s.tenders()).singleElement().satisfies(t -> {
            assertThat(t.type()).isEqualTo(TenderType.CASH);
            assertThat(t.applied()).isEqualByComparingTo("96.00");
        });
        assertThat(Tendering.settle(d("0.00"), null, false, null).tenders()).isEmpty();
    }

    @Test
    void onlyCashGivesChangeAndTendersMustCoverTheTotal() {
        assertThatThrownBy(() -> Tendering.settle(d("96.00"), List.of(new Tender(TenderType.CARD, d("100"), null)), false, null))
                .hasMessageContaining("only cash gives change");
        assertThatThrownBy(() -> Tendering.settle(d("96.00"), List.of(new Tender(TenderType.CASH, d("50"), null),
                new Tender(TenderType.UPI, d("40"), null)), false, null))
                .isInstanceOfSatisfying(PricingException.class, e -> assertThat(e.getMessage()).contains("less than the 96.00 due"));
        assertThatThrownBy(() -> Tendering.settle(d("96.00"), List.of(new Tender(TenderType.CASH, d("0"), null)), false, null))
                .isInstanceOfSatisfying(PricingException.class, e -> assertThat(e.field()).isEqualTo("tenders[0].amount"));
    }

    @Test
    void khataAndPointsNeedACustomer() {
        assertThatThrownBy(() -> Tendering.settle(d("96.00"), List.of(new Tender(TenderType.CREDIT, d("96"), null)), false, null))
                .isInstanceOfSatisfying(PricingException.class, e -> assertThat(e.field()).isEqualTo("tenders[0].type"));
        Settlement s = Tendering.settle(d("96.00"), List.of(new Tender(TenderType.LOYALTY, d("20"), null),
                new Tender(TenderType.CREDIT, d("76"), null)), true, d("0.50"));
        assertThat(s.pointsRedeemed()).isEqualTo(40);
        assertThatThrownBy(() -> Tendering.settle(d("96.00"), List.of(new Tender(TenderType.LOYALTY, d("20.25"), null),
                new Tender(TenderType.CASH, d("80"), null)), true, d("0.50"))).hasMessageContaining("whole number of points");
        assertThatThrownBy(() -> Tendering.settle(d("96.00"), List.of(new Tender(TenderType.LOYALTY, d("20"), null)), true, null))
                .hasMessageContaining("no loyalty scheme");
    }
}
