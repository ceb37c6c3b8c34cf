package dev.kirana.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class ReorderTest {

    @Test
    void handComputedReorderPointAndOrder() {
        // mean 10/day, sigma 3, lead time 4 days, 95%: z = 1.644854
        // SS = 1.644854 * 3 * sqrt(4) = 9.869122; ROP = 10 * 4 + 9.869122 = 49.869122
        // review period 7: + 70; on hand 30 + on order 10 = 40 -> 49.869 + 70 - 40 = 79.869 -> 80 units
        Reorder.Policy policy = Reorder.Policy.leadTime(4).withReviewDays(7);
        Reorder.Plan plan = Reorder.plan(10, 3, policy, 30, 10);

        assertThat(plan.z()).isCloseTo(1.644854, within(1e-6));
        assertThat(plan.leadTimeDemand()).isEqualTo(40.0);
        assertThat(plan.reviewDemand()).isEqualTo(70.0);
        assertThat(plan.safetyStock()).isCloseTo(9.869122, within(1e-6));
        assertThat(plan.reorderPoint()).isCloseTo(49.869122, within(1e-6));
        assertThat(plan.position()).isEqualTo(40.0);
        assertThat(plan.orderQuantity()).isEqualTo(80);
        assertThat(plan.reorderNow()).isTrue();
        // 30 on hand at 10 a day last 3 days, less than the 4-day lead time
        assertThat(plan.daysOfCover()).isEqualTo(3.0);
        assertThat(plan.stockoutBeforeDelivery()).isTrue();

        // in packs of 12: 80 -> 84
        assertThat(Reorder.plan(10, 3, policy.withPackSize(12), 30, 10).orderQuantity()).isEqualTo(84);
        // continuous review: 49.869 - 40 = 9.869 -> 10
        assertThat(Reorder.plan(10, 3, Reorder.Policy.leadTime(4), 30, 10).orderQuantity()).isEqualTo(10);
    }

    @Test
    void plentyOfStockOrdersNothing() {
        Reorder.Plan plan = Reorder.plan(10, 3, Reorder.Policy.leadTime(4), 100, 0);
        assertThat(plan.orderQuantity()).isZero();
        assertThat(plan.reorderNow()).isFalse();
        assertThat(plan.daysOfCover()).isEqualTo(10.0);
        assertThat(plan.stockoutBeforeDelivery()).isFalse();
    }

    @Test
    void noDemandMeansInfiniteCoverAndNoOrder() {
        Reorder.Plan plan = Reorder.plan(0, 0, Reorder.Policy.leadTime(4).withReviewDays(7), 5, 0);
        assertThat(plan.daysOfCover()).isInfinite();
        assertThat(plan.stockoutBeforeDelivery()).isFalse();
        assertThat(plan.orderQuantity()).isZero();
        assertThat(Reorder.daysOfCover(0, 0)).isZero();
    }

    @Test
    void aForecastGivesTheSameFiguresForAFlatDemand() {
        // a flat forecast of 10/day with sigma 3 for 14 days: the same hand-computed figures as above
        Forecast f = ForecastTest.flat(10, 3, 14);
        Reorder.Plan plan = Reorder.plan(f, Reorder.Policy.leadTime(4).withReviewDays(7), 30, 10);
        assertThat(plan.reorderPoint()).isCloseTo(49.869122, within(1e-6));
        assertThat(plan.orderQuantity()).isEqualTo(80);
        assertThat(plan.daysOfCover()).isEqualTo(3.0);
        // a 99% service level: z = 2.326348, SS = 13.958, ROP = 53.958
        Reorder.Plan high = Reorder.plan(f, Reorder.Policy.leadTime(4).withServiceLevel(0.99), 30, 10);
        assertThat(high.reorderPoint()).isCloseTo(53.958088, within(1e-6));
    }

    @Test
    void roundingAndValidation() {
        assertThat(Reorder.roundUp(12.000000000001, 1)).isEqualTo(12);
        assertThat(Reorder.roundUp(12.01, 1)).isEqualTo(13);
        assertThat(Reorder.roundUp(13, 6)).isEqualTo(18);
        assertThat(Reorder.roundUp(-4, 6)).isZero();
        assertThatThrownBy(() -> Reorder.Policy.leadTime(4).withServiceLevel(1.0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Reorder.Policy.leadTime(-1)).isInstanceOf(IllegalArgumentException.class);
    }
}
