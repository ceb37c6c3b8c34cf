package dev.kirana.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ArrivalScheduleTest {

    @Test
    void aConstantRateSpacesArrivalsEvenlyWithoutDrift() {
        ArrivalSchedule s = ArrivalSchedule.constant(300);
        long last = -1;
        for (int i = 0; i < 300_000; i++) {
            long t = s.nextOffsetNanos();
            assertThat(t).isGreaterThanOrEqualTo(last);
            last = t;
        }
        // the 300 000th arrival (index 299 999) is at 999.99667 s: no accumulated rounding error
        assertThat(last).isEqualTo(Math.round(299_999 * (1e9 / 300)));
    }

    @Test
    void theFirstArrivalIsAtTheStart() {
        assertThat(ArrivalSchedule.constant(7).nextOffsetNanos()).isZero();
        assertThat(ArrivalSchedule.poisson(7, 1).nextOffsetNanos()).isZero();
    }

    @Test
    void poissonArrivalsHaveTheRequestedMeanRateAndAreReproducible() {
        ArrivalSchedule a = ArrivalSchedule.poisson(500, 42);
        ArrivalSchedule b = ArrivalSchedule.poisson(500, 42);
        long t = 0;
        int n = 200_000;
        long previous = -1;
        for (int i = 0; i < n; i++) {
            t = a.nextOffsetNanos();
            assertThat(t).isEqualTo(b.nextOffsetNanos()).isGreaterThanOrEqualTo(previous);
            previous = t;
        }
        double rate = (n - 1) / (t / 1e9);
        assertThat(rate).isBetween(495.0, 505.0);
    }

    @Test
    void aRateMustBePositive() {
        assertThatThrownBy(() -> ArrivalSchedule.constant(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ArrivalSchedule.poisson(-1, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
