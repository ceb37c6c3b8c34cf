package dev.kirana.reporting.forecast;

import java.util.Random;

/** Seeded synthetic demand series with known properties. */
public final class Synthetic {
    private Synthetic() {
    }

    /** {@code level + N(0, noise)} per day, floored at 0. */
    public static double[] constant(Random r, int days, double level, double noise) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = Math.max(0, level + noise * r.nextGaussian());
        }
        return y;
    }

    /** {@code intercept + slope * t + N(0, noise)}, floored at 0. */
    public static double[] trend(Random r, int days, double intercept, double slope, double noise) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = Math.max(0, intercept + slope * t + noise * r.nextGaussian());
        }
        return y;
    }

    /**
     * Weekly pattern starting on a Monday: {@code weekday} units Monday to Friday, {@code weekend} on Saturday and
     * Sunday, plus {@code N(0, noise)}, floored at 0.
     */
    public static double[] weekly(Random r, int days, double weekday, double weekend, double noise) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            double base = t % 7 >= 5 ? weekend : weekday;
            y[t] = Math.max(0, base + noise * r.nextGaussian());
        }
        return y;
    }

    /** Demand on a day with probability {@code p}; its size is {@code 1 + Poisson(sizeMinusOne)}. */
    public static double[] intermittent(Random r, int days, double p, double sizeMinusOne) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            if (r.nextDouble() < p) {
                y[t] = 1 + poisson(r, sizeMinusOne);
            }
        }
        return y;
    }

    public static int poisson(Random r, double lambda) {
        double limit = Math.exp(-lambda);
        double prod = r.nextDouble();
        int k = 0;
        while (prod > limit) {
            prod *= r.nextDouble();
            k++;
        }
        return k;
    }

    public static double[] poissonDaily(Random r, int days, double lambda) {
        double[] y = new double[days];
        for (int t = 0; t < days; t++) {
            y[t] = poisson(r, lambda);
        }
        return y;
    }
}
