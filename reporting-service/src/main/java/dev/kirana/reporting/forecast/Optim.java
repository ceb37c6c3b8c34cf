package dev.kirana.reporting.forecast;

import java.util.function.DoubleUnaryOperator;
import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.exception.TooManyEvaluationsException;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.NelderMeadSimplex;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.SimplexOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;

/**
 * Parameter fitting with commons-math: Brent's method for one parameter; Nelder-Mead for several, on logistic
 * coordinates so that each parameter stays inside its bounds. Evaluation budgets are small and fixed so that fitting
 * thousands of products stays cheap; when a budget runs out the best point seen so far is used.
 */
final class Optim {
    private static final int MAX_EVAL_1D = 60;
    private static final int MAX_EVAL_ND = 400;

    private Optim() {
    }

    /** The argument in {@code [lo, hi]} minimising {@code f}. */
    static double minimize(DoubleUnaryOperator f, double lo, double hi) {
        double[] best = {Double.NaN, Double.POSITIVE_INFINITY};
        DoubleUnaryOperator tracked = x -> {
            double v = f.applyAsDouble(x);
            if (v < best[1]) {
                best[0] = x;
                best[1] = v;
            }
            return v;
        };
        try {
            new BrentOptimizer(1e-4, 1e-6).optimize(new MaxEval(MAX_EVAL_1D),
                    new UnivariateObjectiveFunction(tracked::applyAsDouble), GoalType.MINIMIZE,
                    new SearchInterval(lo, hi));
        } catch (TooManyEvaluationsException ignored) {
            // best point so far
        }
        // Brent's method never evaluates the ends of the interval; smoothing parameters often are best there.
        tracked.applyAsDouble(lo);
        tracked.applyAsDouble(hi);
        return best[0];
    }

    /** The point in the box {@code [lo, hi]} (open at both ends) minimising {@code f}, starting from {@code start}. */
    static double[] minimize(ToDoubleFunction<double[]> f, double[] start, double[] lo, double[] hi) {
        int n = start.length;
        double[] u0 = new double[n];
        for (int i = 0; i < n; i++) {
            double s = (start[i] - lo[i]) / (hi[i] - lo[i]);
            u0[i] = Math.log(s / (1 - s));
        }
        double[][] best = {start.clone()};
        double[] bestValue = {f.applyAsDouble(start)};
        ObjectiveFunction objective = new ObjectiveFunction(u -> {
            double[] x = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = lo[i] + (hi[i] - lo[i]) / (1 + Math.exp(-u[i]));
            }
            double v = f.applyAsDouble(x);
            if (v < bestValue[0]) {
                bestValue[0] = v;
                best[0] = x;
            }
            return v;
        });
        try {
            new SimplexOptimizer(1e-7, 1e-10).optimize(new MaxEval(MAX_EVAL_ND), objective, GoalType.MINIMIZE,
                    new InitialGuess(u0), new NelderMeadSimplex(n, 1.0));
        } catch (TooManyEvaluationsException ignored) {
            // best point so far
        }
        return best[0];
    }
}
