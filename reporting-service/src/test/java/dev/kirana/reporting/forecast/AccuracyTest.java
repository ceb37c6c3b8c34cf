package dev.kirana.reporting.forecast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AccuracyTest {

    @Test
    void maseIsScaledBySeasonalNaiveInSampleMae() {
        double[] train = {1, 2, 3, 4, 5, 6, 7, 9, 11};
        // seasonal differences: |9 - 1| = 8, |11 - 2| = 9 -> scale 8.5
        assertThat(Accuracy.scale(train)).isEqualTo(8.5);
        // errors |10 - 11| = 1, |12 - 9| = 3 -> MAE 2 -> MASE 2 / 8.5 = 0.235294
        assertThat(Accuracy.mase(train, new double[] {10, 12}, new double[] {11, 9}))
                .isCloseTo(0.235294, within(1e-6));
    }

    @Test
    void shortOrFlatHistoriesFallBackToLagOneThenToTheLevelThenToOne() {
        // 5 days, no seasonal pair: lag-one differences 2, 0, 2, 4 -> scale 2; error 3 -> MASE 1.5
        double[] shortTrain = {2, 4, 4, 6, 10};
        assertThat(Accuracy.scale(shortTrain)).isEqualTo(2.0);
        assertThat(Accuracy.mase(shortTrain, new double[] {8}, new double[] {5})).isEqualTo(1.5);
        // two weeks repeating exactly: seasonal MAE 0, lag-one MAE (|2-1| * 13) / 13 = 1
        double[] periodic = {1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2, 1, 2};
        assertThat(Accuracy.scale(periodic)).isEqualTo(1.0);
        // constant 5: every difference 0, scale = mean |y| = 5
        assertThat(Accuracy.scale(new double[] {5, 5, 5})).isEqualTo(5.0);
        // no demand at all: scale 1, MASE is the MAE in units
        assertThat(Accuracy.scale(new double[] {0, 0, 0, 0})).isEqualTo(1.0);
        assertThat(Accuracy.mase(new double[] {0, 0}, new double[] {2, 0}, new double[] {0, 0})).isEqualTo(1.0);
        assertThat(Accuracy.scale(new double[0])).isEqualTo(1.0);
    }

    @Test
    void rmsseIsScaledBySeasonalNaiveInSampleMse() {
        // squared lag-one differences 4, 0, 4, 16 -> 6; squared errors 9, 1 -> 5; RMSSE sqrt(5 / 6) = 0.912871
        double[] train = {2, 4, 4, 6, 10};
        assertThat(Accuracy.squaredScale(train)).isEqualTo(6.0);
        assertThat(Accuracy.rmsse(train, new double[] {8, 8}, new double[] {5, 7})).isCloseTo(0.912871, within(1e-6));
    }

    @Test
    void backtestOfSeasonalNaiveOnThreeWeeksByHand() {
        // 21 days, horizon 7: the only origin is day 14 (two weeks of training, the third week to forecast)
        double[] y = {
            1, 2, 3, 4, 5, 6, 7,
            2, 2, 4, 4, 6, 6, 8,
            4, 4, 4, 4, 4, 4, 4};
        // scale: week 2 - week 1 = 1, 0, 1, 0, 1, 0, 1 -> MAE 4/7, MSE 4/7
        // seasonal naive forecasts week 2 again: errors 2, 2, 0, 0, 2, 2, 4 -> MAE 12/7, MSE (4+4+0+0+4+4+16)/7 = 32/7
        // MASE (12/7) / (4/7) = 3; RMSSE sqrt((32/7) / (4/7)) = sqrt(8) = 2.828427
        Forecast f = Forecaster.forecast(y, 7);

        assertThat(f.origins()).isEqualTo(1);
        assertThat(f.baselineMase()).isCloseTo(3.0, within(1e-12));
        Candidate baseline = f.candidates().get(0);
        assertThat(baseline.method()).isEqualTo(SeasonalNaive.NAME);
        assertThat(baseline.rmsse()).isCloseTo(2.828427, within(1e-6));
        assertThat(f.mase()).isLessThanOrEqualTo(f.baselineMase());
    }

    @Test
    void originsAreAWeekApartKeepTwoWeeksOfTrainingAndShrinkTheHorizonForShortHistories() {
        assertThat(Forecaster.origins(182, 30)).containsExactly(168, 161, 154, 147, 140, 133);
        assertThat(Forecaster.origins(40, 7)).containsExactly(33, 26, 19);
        assertThat(Forecaster.origins(21, 7)).containsExactly(14);
        // 10 days, horizon 7: only 3 days of training before the last week
        assertThat(Forecaster.origins(10, 7)).containsExactly(3);
        // 5 days: train on 3, evaluate on the last 2
        assertThat(Forecaster.origins(5, 7)).containsExactly(3);
        assertThat(Forecaster.origins(3, 7)).isEmpty();
    }
}
