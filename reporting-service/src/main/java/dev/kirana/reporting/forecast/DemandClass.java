package dev.kirana.reporting.forecast;

/**
 * Demand pattern after Syntetos, Boylan and Croston (2005), from the average demand interval {@code ADI = days /
 * days with demand} and the squared coefficient of variation of the non-zero demand sizes {@code CV² = (sd / mean)²}
 * (population variance):
 *
 * <pre>
 *               CV² &lt; 0.49     CV² &gt;= 0.49
 * ADI &lt; 1.32    SMOOTH         ERRATIC
 * ADI &gt;= 1.32   INTERMITTENT   LUMPY
 * </pre>
 *
 * <p>A history without any demand is {@link #NO_DEMAND}.
 */
public enum DemandClass {
    SMOOTH, ERRATIC, INTERMITTENT, LUMPY, NO_DEMAND;

    public static final double ADI_CUTOFF = 1.32;
    public static final double CV2_CUTOFF = 0.49;

    public static DemandClass of(double[] y) {
        if (Series.nonZero(y) == 0) {
            return NO_DEMAND;
        }
        boolean regular = adi(y) < ADI_CUTOFF;
        boolean steady = cv2(y) < CV2_CUTOFF;
        if (regular) {
            return steady ? SMOOTH : ERRATIC;
        }
        return steady ? INTERMITTENT : LUMPY;
    }

    /** Days per day with demand; positive infinity when there is no demand. */
    public static double adi(double[] y) {
        int k = Series.nonZero(y);
        return k == 0 ? Double.POSITIVE_INFINITY : (double) y.length / k;
    }

    /** Squared coefficient of variation of the non-zero demands; 0 when there are fewer than two. */
    public static double cv2(double[] y) {
        double sum = 0;
        int k = 0;
        for (double v : y) {
            if (v > 0) {
                sum += v;
                k++;
            }
        }
        if (k < 2) {
            return 0;
        }
        double mean = sum / k;
        double ss = 0;
        for (double v : y) {
            if (v > 0) {
                ss += (v - mean) * (v - mean);
            }
        }
        return ss / k / (mean * mean);
    }
}
