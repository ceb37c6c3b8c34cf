package dev.kirana.accounting.period;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PeriodCalendarTest {

    @Test
    void aPostingInAnOpenMonthKeepsItsDate() {
        assertThat(PeriodCalendar.postingDate(LocalDate.of(2026, 4, 15), Set.of(YearMonth.of(2026, 3))))
                .isEqualTo(LocalDate.of(2026, 4, 15));
    }

    @Test
    void aLateEventForALockedMonthPostsOnTheFirstDayOfTheNextOpenMonth() {
        // March and April 2026 locked: a sale of 20 March goes to 1 May
        Set<YearMonth> locked = Set.of(YearMonth.of(2026, 3), YearMonth.of(2026, 4));
        assertThat(PeriodCalendar.postingDate(LocalDate.of(2026, 3, 20), locked)).isEqualTo(LocalDate.of(2026, 5, 1));
        assertThat(PeriodCalendar.postingDate(LocalDate.of(2026, 4, 30), locked)).isEqualTo(LocalDate.of(2026, 5, 1));
        // only February locked (a hole after it): 28 February goes to 1 March
        assertThat(PeriodCalendar.postingDate(LocalDate.of(2026, 2, 28), Set.of(YearMonth.of(2026, 2))))
                .isEqualTo(LocalDate.of(2026, 3, 1));
        // December locked: the year turns over
        assertThat(PeriodCalendar.postingDate(LocalDate.of(2025, 12, 31), Set.of(YearMonth.of(2025, 12))))
                .isEqualTo(LocalDate.of(2026, 1, 1));
    }

    @Test
    void onlyAMonthThatHasEndedCanBeLocked() {
        LocalDate today = LocalDate.of(2026, 4, 1);
        assertThat(PeriodCalendar.lockProblem(YearMonth.of(2026, 3), today)).isEmpty();
        assertThat(PeriodCalendar.lockProblem(YearMonth.of(2026, 4), today)).get().asString().contains("has not ended");
        assertThat(PeriodCalendar.lockProblem(YearMonth.of(2026, 5), today)).isPresent();
        assertThat(PeriodCalendar.isLocked(LocalDate.of(2026, 3, 31), Set.of(YearMonth.of(2026, 3)))).isTrue();
        assertThat(PeriodCalendar.isLocked(LocalDate.of(2026, 4, 1), Set.of(YearMonth.of(2026, 3)))).isFalse();
    }
}
