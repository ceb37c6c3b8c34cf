package dev.kirana.reporting.forecast;

/** Small helpers on daily series shared by the methods. */
final class Series {
    private Series() {
    }

    static double mean(double[] y, int from, int to) {
        if (to <= from) {
            return 0;
        }
        double s = 0;
        for (int i = from; i < to; i++) {
            s += y[i];
        }
        return s / (to - from);
    }

    static int nonZero(double[] y) {
        int k = 0;
        for (double v : y) {
            if (v > 0) {
                k++;
            }
        }
        return k;
    }

    static int firstNonZero(double[] y) {
        for (int i = 0; i < y.length; i++) {
            if (y[i] > 0) {
                return i;
            }
        }
        return -1;
    }

    /** Root mean square of {@code sse} over {@code count} errors, 0 when there are none. */
    static double rms(double sse, int count) {
        return count > 0 ? Math.sqrt(sse / count) : 0;
    }

    /**
     * The error spread used when a history is too short to have at least two one-step errors: the square root of the
     * mean daily demand, as for Poisson counts.
     */
    static double poissonSigma(double[] y) {
        return Math.sqrt(Math.max(0, mean(y, 0, y.length)));
    }

    /** {@code sigma * sqrt(1 + (step - 1) * alpha^2)}: the forecast error spread of simple exponential smoothing. */
    static double[] smoothingSd(double sigma, double alpha, int h) {
        double[] sd = new double[h];
        for (int i = 0; i < h; i++) {
            sd[i] = sigma * Math.sqrt(1 + i * alpha * alpha);
        }
        return sd;
    }

    static double[] flat(double value, int h) {
        double[] f = new double[h];
        java.util.Arrays.fill(f, value);
        return f;
    }
}
