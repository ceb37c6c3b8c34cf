package dev.kirana.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForecastTest {

    static Forecast flat(double mean, double sigma, int h) {
        double[] m = new double[h];
        Arrays.fill(m, mean);
        return new Forecast("TEST", DemandClass.SMOOTH, Candidate.Metric.MASE, 1, 1, List.of(), 0, null, sigma, m, m,
                m, m, m);
    }

    @Test
    void totalWithItsInterval() {
        Forecast f = flat(10, 3, 14);
        assertThat(f.total(7)).isEqualTo(70.0);
        // 70 ± 1.959964 * 3 * sqrt(7) = 70 ± 15.5568
        Forecast.Total t = f.total(7, 0.95);
        assertThat(t.mean()).isEqualTo(70.0);
        assertThat(t.lower()).isCloseTo(54.4432, within(1e-4));
        assertThat(t.upper()).isCloseTo(85.5568, within(1e-4));
        // a wide interval on a small total is floored at 0
        assertThat(flat(0.5, 3, 7).total(2, 0.95).lower()).isZero();
    }

    @Test
    void beyondTheHorizonTheLastWeekRepeats() {
        double[] m = {1, 2, 3, 4, 5, 6, 7, 10, 20, 30, 40, 50, 60, 70};
        Forecast f = new Forecast("TEST", DemandClass.SMOOTH, Candidate.Metric.MASE, 1, 1, List.of(), 0, null, 0, m,
                m, m, m, m);
        assertThat(f.meanAt(14)).isEqualTo(10.0);
        assertThat(f.meanAt(20)).isEqualTo(70.0);
        assertThat(f.meanAt(21)).isEqualTo(10.0);
        assertThat(f.total(16)).isEqualTo(28 + 280 + 30);
        // days of cover walk the forecast: 28 units last the first week exactly, 38 another day
        assertThat(f.daysOfCover(28)).isEqualTo(7.0);
        assertThat(f.daysOfCover(33)).isEqualTo(7.5);
        // 28 + 280 in the horizon, then 280 a repeated week: 308 + 2 * 280 + 10 + 10 = 15 days more
        assertThat(f.daysOfCover(308 + 2 * 280 + 20)).isCloseTo(14 + 14 + 1.5, within(1e-9));
        assertThat(f.daysOfCover(0)).isZero();
    }

    @Test
    void arraysAreCopied() {
        Forecast f = flat(2, 1, 3);
        f.mean()[0] = 99;
        assertThat(f.mean()[0]).isEqualTo(2.0);
    }
}
