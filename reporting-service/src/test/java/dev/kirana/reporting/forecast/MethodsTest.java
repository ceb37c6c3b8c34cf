package dev.kirana.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;

class MethodsTest {

    @Test
    void seasonalNaiveRepeatsTheLastWeekOrTheLastDay() {
        SeasonalNaive sn = new SeasonalNaive();
        double[] y = {9, 1, 2, 3, 4, 5, 6, 7};
        assertThat(sn.fit(y).forecast(9)).containsExactly(1, 2, 3, 4, 5, 6, 7, 1, 2);
        assertThat(sn.fit(new double[] {1, 2, 3}).forecast(3)).containsExactly(3, 3, 3);
        // naive: lag-one differences 1, 1 -> sigma 1; spread grows with sqrt(step)
        assertThat(sn.fit(new double[] {1, 2, 3}).sd(4)).containsExactly(1, Math.sqrt(2), Math.sqrt(3), 2);
    }

    @Test
    void seasonalNaiveSpreadGrowsOncePerWeek() {
        double[] y = new double[14];
        for (int t = 0; t < 14; t++) {
            y[t] = t < 7 ? 1 : 3;
        }
        // seasonal differences all 2 -> sigma 2; steps 1-7 sigma, 8-14 sigma * sqrt(2)
        double[] sd = new SeasonalNaive().fit(y).sd(8);
        assertThat(sd[0]).isEqualTo(2.0);
        assertThat(sd[6]).isEqualTo(2.0);
        assertThat(sd[7]).isCloseTo(2 * Math.sqrt(2), within(1e-12));
    }

    @Test
    void simpleExponentialSmoothingFollowsALevelShift() {
        double[] y = new double[40];
        for (int t = 0; t < 40; t++) {
            y[t] = t < 20 ? 10 : 20;
        }
        // a clean shift is best followed immediately: alpha near 1, forecast the new level
        Fit fit = new SimpleExponentialSmoothing().fit(y);
        assertThat(fit.forecast(3)).containsOnly(new double[] {20, 20, 20}, within(0.01));
    }

    @Test
    void crostonOnPerfectlyRegularDemandIsSizeOverInterval() {
        // 4 units every third day: sizes and intervals never change, so Croston forecasts 4/3 whatever alpha is
        double[] y = new double[60];
        for (int t = 2; t < 60; t += 3) {
            y[t] = 4;
        }
        double croston = Croston.classic().fit(y).forecast(1)[0];
        double sba = Croston.sba().fit(y).forecast(1)[0];
        assertThat(croston).isCloseTo(4.0 / 3, within(1e-9));
        // SBA multiplies by 1 - alpha/2 with alpha in [0.02, 0.3]
        assertThat(sba).isLessThan(croston).isGreaterThanOrEqualTo(0.85 * croston);
        double tsb = new Tsb().fit(y).forecast(1)[0];
        assertThat(tsb).isCloseTo(4.0 / 3, within(0.25));
    }

    @Test
    void tsbDecaysWhenAProductStopsSelling() {
        double[] y = Synthetic.intermittent(new Random(1), 120, 0.5, 2);
        double[] stopped = java.util.Arrays.copyOf(y, 160);
        double before = new Tsb().fit(y).forecast(1)[0];
        double after = new Tsb().fit(stopped).forecast(1)[0];
        double croston = Croston.classic().fit(stopped).forecast(1)[0];
        // 40 days without a sale: TSB's demand probability decays, Croston's forecast does not change at all
        assertThat(after).isLessThan(0.5 * before);
        assertThat(croston).isCloseTo(Croston.classic().fit(y).forecast(1)[0], within(0.3));
    }

    @Test
    void holtWintersNeedsTwoWeeksOfRegularDemand() {
        HoltWinters hw = new HoltWinters(false);
        assertThat(hw.applicable(new double[13])).isFalse();
        double[] regular = Synthetic.constant(new Random(2), 14, 5, 1);
        assertThat(hw.applicable(regular)).isTrue();
        assertThat(hw.applicable(Synthetic.intermittent(new Random(2), 60, 0.2, 1))).isFalse();
    }

    @Test
    void holtWintersSpreadFollowsTheEtsFormula() {
        double[] y = Synthetic.weekly(new Random(4), 70, 10, 20, 1);
        Fit fit = new HoltWinters(false).fit(y);
        double[] sd = fit.sd(10);
        assertThat(sd[0]).isEqualTo(fit.sigma());
        for (int i = 1; i < 10; i++) {
            assertThat(sd[i]).isGreaterThanOrEqualTo(sd[i - 1]);
        }
        // withHistory keeps the parameters: on the same history it reproduces the fit
        assertThat(fit.withHistory(y).forecast(7)).containsExactly(fit.forecast(7));
    }

    @Test
    void demandClassesFollowAdiAndCv2() {
        // 2 demands in 6 days: ADI 3; sizes 4 and 6: mean 5, variance 1, CV² 0.04
        double[] intermittent = {0, 0, 4, 0, 6, 0};
        assertThat(DemandClass.adi(intermittent)).isEqualTo(3.0);
        assertThat(DemandClass.cv2(intermittent)).isCloseTo(0.04, within(1e-12));
        assertThat(DemandClass.of(intermittent)).isEqualTo(DemandClass.INTERMITTENT);
        // ADI 2, sizes 1 and 9: mean 5, variance 16, CV² 0.64
        assertThat(DemandClass.of(new double[] {0, 1, 0, 9})).isEqualTo(DemandClass.LUMPY);
        assertThat(DemandClass.of(new double[] {1, 9, 1, 9})).isEqualTo(DemandClass.ERRATIC);
        assertThat(DemandClass.of(new double[] {3, 3, 4, 3})).isEqualTo(DemandClass.SMOOTH);
        assertThat(DemandClass.of(new double[] {0, 0})).isEqualTo(DemandClass.NO_DEMAND);
        assertThat(DemandClass.of(new double[0])).isEqualTo(DemandClass.NO_DEMAND);
    }
}
