package dev.kirana.reporting.forecast.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.kirana.reporting.forecast.anomaly.RateOutliers.Rate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RateOutliersTest {

    @Test
    void aCashierFarAboveTheShopNormIsFlagged() {
        Map<String, Rate> voids = new LinkedHashMap<>();
        voids.put("asha", new Rate(2, 100));
        voids.put("bala", new Rate(3, 100));
        voids.put("chitra", new Rate(2, 100));
        voids.put("dev", new Rate(1, 100));
        voids.put("esha", new Rate(3, 100));
        voids.put("farid", new Rate(2, 100));
        voids.put("gita", new Rate(4, 100));
        voids.put("hari", new Rate(15, 100));
        // 4 voids out of 5 bills: too few bills to judge
        voids.put("new", new Rate(4, 5));
        // rates .01 .02 .02 .02 .03 .03 .04 .15: median .025; deviations .005 x5, .015 x2, .125: MAD .005
        // hari: 0.6745 * (.15 - .025) / .005 = 16.8625; gita: 0.6745 * 3 = 2.02, not flagged

        List<RateOutliers.Outlier<String>> out = RateOutliers.flag(voids);

        assertThat(out).extracting(RateOutliers.Outlier::actor).containsExactly("hari");
        assertThat(out.get(0).median()).isCloseTo(0.025, within(1e-12));
        assertThat(out.get(0).robustZ()).isCloseTo(16.8625, within(1e-9));
    }

    @Test
    void whenMostRatesAreEqualTheMeanDeviationIsUsed() {
        Map<String, Rate> m = Map.of("a", new Rate(2, 100), "b", new Rate(2, 100), "c", new Rate(2, 100),
                "d", new Rate(2, 100), "e", new Rate(10, 100));
        // median .02, MAD 0; mean absolute deviation .08 / 5 = .016: z = .08 / (1.2533 * .016) = 3.9895
        List<RateOutliers.Outlier<String>> out = RateOutliers.flag(m);
        assertThat(out).extracting(RateOutliers.Outlier::actor).containsExactly("e");
        assertThat(out.get(0).robustZ()).isCloseTo(3.9895, within(1e-4));
    }

    @Test
    void nobodyStandsOutWithoutANorm() {
        assertThat(RateOutliers.flag(Map.of("a", new Rate(1, 50), "b", new Rate(30, 50)))).isEmpty();
        assertThat(RateOutliers.flag(Map.of("a", new Rate(1, 50), "b", new Rate(1, 50), "c", new Rate(1, 50))))
                .isEmpty();
        assertThat(RateOutliers.flag(Map.<String, Rate>of())).isEmpty();
    }
}
