package dev.kirana.catalog.tax;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.catalog.tax.ProductTaxRate.OwnRate;
import dev.kirana.catalog.tax.ProductTaxRate.Source;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProductTaxRateTest {
    private final GstRateSchedule schedule = GstRateSchedule.shipped();
    private static final LocalDate BEFORE = LocalDate.of(2025, 9, 21);
    private static final LocalDate GST2 = LocalDate.of(2025, 9, 22);

    @Test
    void productFollowingTheScheduleKeepsOldRatesForOldDates() {
        // ghee created in 2026 at 5%, the rate the schedule gives then: nothing of its own is recorded
        assertThat(ProductTaxRate.needsOwnRate(new BigDecimal("5"), LocalDate.of(2026, 3, 1), "0405", List.of(), schedule)).isFalse();
        var old = ProductTaxRate.on(BEFORE, "0405", List.of(), schedule, new BigDecimal("5"));
        assertThat(old.rate()).isEqualByComparingTo("12");
        assertThat(old.source()).isEqualTo(Source.SCHEDULE);
        assertThat(ProductTaxRate.on(GST2, "0405", List.of(), schedule, new BigDecimal("5")).rate()).isEqualByComparingTo("5");
    }

    @Test
    void aRateSetByTheShopHoldsFromItsDateUntilTheScheduleNextChanges() {
        // pan masala entered on 1-12-2025 at 28% (as the law says then) and an own 30% from 10-12-2025 (a mistake, say)
        List<OwnRate> own = List.of(new OwnRate(LocalDate.of(2025, 12, 10), new BigDecimal("30")));
        assertThat(ProductTaxRate.on(LocalDate.of(2025, 12, 9), "21069020", own, schedule, null).rate()).isEqualByComparingTo("28");
        var own30 = ProductTaxRate.on(LocalDate.of(2026, 1, 15), "21069020", own, schedule, null);
        assertThat(own30.rate()).isEqualByComparingTo("30");
        assertThat(own30.source()).isEqualTo(Source.PRODUCT);
        assertThat(own30.effectiveFrom()).isEqualTo(LocalDate.of(2025, 12, 10));
        // the 01-02-2026 schedule row is a later fact: 40% applies from then on
        var law = ProductTaxRate.on(LocalDate.of(2026, 2, 1), "21069020", own, schedule, null);
        assertThat(law.rate()).isEqualByComparingTo("40");
        assertThat(law.source()).isEqualTo(Source.SCHEDULE);
    }

    @Test
    void onTheSameDayTheShopsOwnRateWins() {
        List<OwnRate> own = List.of(new OwnRate(GST2, new BigDecimal("12")));
        assertThat(ProductTaxRate.on(GST2, "0405", own, schedule, null).rate()).isEqualByComparingTo("12");
        assertThat(ProductTaxRate.on(GST2, "0405", own, schedule, null).source()).isEqualTo(Source.PRODUCT);
    }

    @Test
    void hsnOutsideTheScheduleUsesTheProductsOwnRatesAndItsFirstRateBeforeThem() {
        List<OwnRate> own = List.of(new OwnRate(LocalDate.of(2026, 1, 10), new BigDecimal("18")),
                new OwnRate(LocalDate.of(2026, 6, 1), new BigDecimal("5")));
        assertThat(ProductTaxRate.on(LocalDate.of(2025, 1, 1), "73239990", own, schedule, null).rate()).isEqualByComparingTo("18");
        assertThat(ProductTaxRate.on(LocalDate.of(2026, 5, 31), "73239990", own, schedule, null).rate()).isEqualByComparingTo("18");
        assertThat(ProductTaxRate.on(LocalDate.of(2026, 6, 1), "73239990", own, schedule, null).rate()).isEqualByComparingTo("5");
        assertThat(ProductTaxRate.on(LocalDate.of(2026, 6, 1), null, List.of(), schedule, new BigDecimal("12")).rate()).isEqualByComparingTo("12");
    }

    @Test
    void aRateDifferentFromTheScheduleOrWithoutAScheduleIsRecorded() {
        LocalDate today = LocalDate.of(2026, 3, 1);
        assertThat(ProductTaxRate.needsOwnRate(new BigDecimal("18"), today, "1905", List.of(), schedule)).isTrue();
        assertThat(ProductTaxRate.needsOwnRate(new BigDecimal("5"), today, "1905", List.of(), schedule)).isFalse();
        assertThat(ProductTaxRate.needsOwnRate(new BigDecimal("18"), today, "73239990", List.of(), schedule)).isTrue();
        assertThat(ProductTaxRate.needsOwnRate(new BigDecimal("18"), today, null, List.of(), schedule)).isTrue();
        List<OwnRate> own = List.of(new OwnRate(LocalDate.of(2026, 1, 10), new BigDecimal("18")));
        assertThat(ProductTaxRate.needsOwnRate(new BigDecimal("18"), today, "73239990", own, schedule)).isFalse();
        assertThat(ProductTaxRate.needsOwnRate(new BigDecimal("12"), today, "73239990", own, schedule)).isTrue();
    }
}
