package dev.kirana.reporting.forecast.anomaly;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.reporting.forecast.Synthetic;
import java.util.Random;
import org.junit.jupiter.api.Test;

class DemandShiftTest {

    static double[] withLastWeek(double[] base, double[] lastWeek) {
        double[] y = java.util.Arrays.copyOf(base, base.length + 7);
        System.arraycopy(lastWeek, 0, y, base.length, 7);
        return y;
    }

    @Test
    void aJumpADropAndAnOrdinaryWeek() {
        Random r = new Random(8);
        double[] base = Synthetic.poissonDaily(r, 56, 5);

        DemandShift.Shift jump = DemandShift.lastWeek(withLastWeek(base, Synthetic.poissonDaily(r, 7, 15))).orElseThrow();
        assertThat(jump.direction()).isEqualTo(DemandShift.Direction.JUMP);
        assertThat(jump.actual()).isGreaterThan(jump.upper());
        assertThat(jump.expected()).isBetween(25.0, 45.0);

        DemandShift.Shift drop = DemandShift.lastWeek(withLastWeek(base, new double[7])).orElseThrow();
        assertThat(drop.direction()).isEqualTo(DemandShift.Direction.DROP);
        assertThat(drop.unusual()).isTrue();

        DemandShift.Shift usual = DemandShift.lastWeek(withLastWeek(base, Synthetic.poissonDaily(r, 7, 5)))
                .orElseThrow();
        assertThat(usual.direction()).isEqualTo(DemandShift.Direction.NORMAL);
        assertThat(usual.actual()).isBetween(usual.lower(), usual.upper());
    }

    @Test
    void tooShortAHistoryGivesNoVerdict() {
        assertThat(DemandShift.lastWeek(new double[20])).isEmpty();
        assertThat(DemandShift.lastWeek(new double[21])).isPresent();
    }
}
