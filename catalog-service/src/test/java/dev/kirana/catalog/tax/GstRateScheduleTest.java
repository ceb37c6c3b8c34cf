package dev.kirana.catalog.tax;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class GstRateScheduleTest {
    private final GstRateSchedule shipped = GstRateSchedule.shipped();

    @Test
    void butterMovedFromTwelveToFivePercentOnTheTwentySecondOfSeptember2025() {
        assertThat(shipped.rateOn("04051000", LocalDate.of(2025, 9, 21)).orElseThrow().rate()).isEqualByComparingTo("12");
        assertThat(shipped.rateOn("04051000", LocalDate.of(2025, 9, 22)).orElseThrow().rate()).isEqualByComparingTo("5");
        assertThat(shipped.rateOn("0405", LocalDate.of(2026, 4, 1)).orElseThrow().effectiveFrom()).isEqualTo(LocalDate.of(2025, 9, 22));
    }

    @Test
    void biscuitsEighteenToFiveAndAeratedDrinksTwentyEightPlusCessToForty() {
        assertThat(shipped.rateOn("19053100", LocalDate.of(2025, 8, 1)).orElseThrow().rate()).isEqualByComparingTo("18");
        assertThat(shipped.rateOn("19053100", LocalDate.of(2025, 10, 1)).orElseThrow().rate()).isEqualByComparingTo("5");
        var before = shipped.rateOn("22021010", LocalDate.of(2025, 9, 21)).orElseThrow();
        assertThat(before.rate()).isEqualByComparingTo("28");
        assertThat(before.cess()).isEqualByComparingTo("12");
        var after = shipped.rateOn("22021010", LocalDate.of(2025, 9, 22)).orElseThrow();
        assertThat(after.rate()).isEqualByComparingTo("40");
        assertThat(after.cess()).isEqualByComparingTo("0");
    }

    @Test
    void panMasalaKeepsTwentyEightPlusCessUntilFebruary2026WhileNamkeenUnderTheSameHeadingMovesToFive() {
        assertThat(shipped.rateOn("21069020", LocalDate.of(2025, 12, 31)).orElseThrow().rate()).isEqualByComparingTo("28");
        assertThat(shipped.rateOn("21069020", LocalDate.of(2025, 12, 31)).orElseThrow().cess()).isEqualByComparingTo("60");
        assertThat(shipped.rateOn("21069020", LocalDate.of(2026, 2, 1)).orElseThrow().rate()).isEqualByComparingTo("40");
        // the heading 2106 moved to 5% on 22-09-2025, but the longer pan masala prefix wins for 21069020
        assertThat(shipped.rateOn("21069099", LocalDate.of(2025, 10, 1)).orElseThrow().rate()).isEqualByComparingTo("5");
        assertThat(shipped.rateOn("21069020", LocalDate.of(2025, 10, 1)).orElseThrow().hsnPrefix()).isEqualTo("21069020");
    }

    @Test
    void specificPrefixWinsOverItsHeadingOnlyFromTheDayItStarts() throws Exception {
        var schedule = GstRateSchedule.parse(new StringReader("""
                hsn_prefix,effective_from,rate,cess,description
                0406,2017-07-01,12,0,Cheese
                040610,2025-09-22,0,0,Paneer
                """));
        assertThat(schedule.rateOn("04061000", LocalDate.of(2025, 9, 1)).orElseThrow().rate()).isEqualByComparingTo("12");
        assertThat(schedule.rateOn("04061000", LocalDate.of(2025, 9, 22)).orElseThrow().rate()).isEqualByComparingTo("0");
        assertThat(schedule.rateOn("04069000", LocalDate.of(2025, 9, 22)).orElseThrow().rate()).isEqualByComparingTo("12");
    }

    @Test
    void unknownHsnBeforeGstAndBlankHsnHaveNoScheduledRate() {
        assertThat(shipped.rateOn("99999999", LocalDate.of(2026, 1, 1))).isEmpty();
        assertThat(shipped.rateOn("0405", LocalDate.of(2017, 6, 30))).isEmpty();
        assertThat(shipped.rateOn(null, LocalDate.of(2026, 1, 1))).isEmpty();
    }

    @Test
    void timelineAndChangesByDate() {
        assertThat(shipped.timeline("21069020")).extracting(ScheduledRate::rate)
                .map(r -> r.stripTrailingZeros().toPlainString()).containsExactly("12", "28", "5", "40");
        assertThat(shipped.prefixesChangingBetween(LocalDate.of(2026, 1, 31), LocalDate.of(2026, 2, 1)))
                .containsExactlyInAnyOrder("21069020", "2402");
        assertThat(shipped.prefixesChangingBetween(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 12, 31))).isEmpty();
    }

    @Test
    void badRowsAreRefusedWithTheirLine() {
        assertThatThrownBy(() -> GstRateSchedule.parse(new StringReader("hsn_prefix,effective_from,rate,cess,description\nAB,2017-07-01,5,0,x\n")))
                .hasMessageContaining("line 1").hasMessageContaining("AB");
        assertThatThrownBy(() -> GstRateSchedule.parse(new StringReader("hsn_prefix,effective_from,rate,cess,description\n0405,22-09-2025,5,0,x\n")))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
