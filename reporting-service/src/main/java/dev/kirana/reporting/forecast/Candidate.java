package dev.kirana.reporting.forecast;

/**
 * One method's backtest scores, each the mean over the backtest origins.
 *
 * @param method the method's name
 * @param mase mean absolute scaled error, the selection score for regular demand
 * @param rmsse root mean squared scaled error, the selection score for intermittent and lumpy demand
 */
public record Candidate(String method, double mase, double rmsse) {

    /** The score the method is ranked by under {@code metric}. */
    public double score(Metric metric) {
        return metric == Metric.RMSSE ? rmsse : mase;
    }

    /** The error measure methods are ranked by. */
    public enum Metric {
        MASE, RMSSE;

        /** RMSSE for intermittent and lumpy demand, MASE otherwise. */
        public static Metric forClass(DemandClass demandClass) {
            return demandClass == DemandClass.INTERMITTENT || demandClass == DemandClass.LUMPY ? RMSSE : MASE;
        }
    }
}
