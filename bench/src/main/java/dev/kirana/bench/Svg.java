package dev.kirana.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The report's charts as inline SVG: no script, no web font, nothing fetched. */
final class Svg {
    private static final int W = 1120;
    private static final int H = 400;
    private static final int LEFT = 64;
    private static final int RIGHT = 16;
    private static final int TOP = 76;
    private static final int BOTTOM = 62;

    private Svg() {
    }

    static String colour(PhaseSpec spec) {
        if (spec.kind() == PhaseSpec.Kind.WARMUP) {
            return "#94a3b8";
        }
        if (spec.kind() == PhaseSpec.Kind.SQL) {
            return "#475569";
        }
        if (spec.kind() == PhaseSpec.Kind.PROFILED) {
            return "#0d9488";
        }
        if (PhaseSpec.DIRECT.equals(spec.target())) {
            return "#16a34a";
        }
        if ("hot".equals(spec.products())) {
            return "#ea580c";
        }
        if (PhaseSpec.POLL.equals(spec.mode())) {
            return "#9333ea";
        }
        return "#2563eb";
    }

    static String latency(List<PhaseResult> phases) {
        double xMax = xMax(phases);
        double yMaxData = 1;
        for (PhaseResult p : phases) {
            for (PhaseResult.Point pt : p.timeline()) {
                if (!Double.isNaN(pt.max())) {
                    yMaxData = Math.max(yMaxData, pt.max());
                }
            }
        }
        double yMin = 0.5;
        double yMax = Math.pow(10, Math.ceil(Math.log10(Math.max(100, yMaxData))));
        StringBuilder s = open();
        bands(s, phases, xMax);
        // y grid on a log scale: 1-2-5 per decade
        for (double decade = 1; decade <= yMax; decade *= 10) {
            for (double m : new double[]{1, 2, 5}) {
                double v = decade * m;
                if (v < yMin || v > yMax) {
                    continue;
                }
                double y = yLog(v, yMin, yMax);
                s.append(line(LEFT, y, W - RIGHT, y, m == 1 ? "#cbd5e1" : "#eef2f7", 1, null));
                s.append(text(LEFT - 6, y + 4, label(v), "end", 11, "#475569"));
            }
        }
        double bound = yLog(50, yMin, yMax);
        s.append(line(LEFT, bound, W - RIGHT, bound, "#dc2626", 1, "6 4"));
        s.append(text(W - RIGHT - 4, bound - 4, "50 ms", "end", 10, "#dc2626"));
        xAxis(s, xMax);
        for (PhaseResult p : phases) {
            String c = colour(p.spec());
            List<double[]> p50 = new ArrayList<>();
            List<double[]> p99 = new ArrayList<>();
            List<double[]> max = new ArrayList<>();
            for (PhaseResult.Point pt : p.timeline()) {
                double x = x(pt.second() + 0.5, xMax);
                if (!Double.isNaN(pt.p50())) {
                    p50.add(new double[]{x, yLog(Math.max(yMin, pt.p50()), yMin, yMax)});
                    p99.add(new double[]{x, yLog(Math.max(yMin, pt.p99()), yMin, yMax)});
                    max.add(new double[]{x, yLog(Math.max(yMin, pt.max()), yMin, yMax)});
                }
            }
            s.append(polyline(max, c, 1, "1 3", 0.7));
            s.append(polyline(p50, c, 1.2, null, 1));
            s.append(polyline(p99, c, 2.4, null, 1));
        }
        legend(s);
        s.append(text(14, TOP + (H - TOP - BOTTOM) / 2.0, "latency", "middle", 11, "#475569", -90));
        return s.append("</svg>\n").toString();
    }

    static String throughput(List<PhaseResult> phases) {
        double xMax = xMax(phases);
        double yMaxData = 10;
        for (PhaseResult p : phases) {
            yMaxData = Math.max(yMaxData, p.spec().targetRate());
            for (PhaseResult.Point pt : p.timeline()) {
                yMaxData = Math.max(yMaxData, pt.confirmed());
            }
        }
        double yMax = niceCeil(yMaxData * 1.1);
        StringBuilder s = open();
        bands(s, phases, xMax);
        for (int i = 0; i <= 5; i++) {
            double v = yMax * i / 5;
            double y = yLin(v, yMax);
            s.append(line(LEFT, y, W - RIGHT, y, i == 0 ? "#94a3b8" : "#eef2f7", 1, null));
            s.append(text(LEFT - 6, y + 4, String.format(Locale.ROOT, "%.0f", v), "end", 11, "#475569"));
        }
        xAxis(s, xMax);
        double barW = Math.max(1, (W - LEFT - RIGHT) / xMax - 1);
        for (PhaseResult p : phases) {
            String c = colour(p.spec());
            for (PhaseResult.Point pt : p.timeline()) {
                double x = x(pt.second(), xMax);
                double y = yLin(pt.confirmed(), yMax);
                s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" opacity=\"0.55\"/>",
                        x, y, barW, yLin(0, yMax) - y, c));
                if (pt.errors() + pt.dropped() > 0) {
                    double ye = yLin(pt.errors() + pt.dropped(), yMax);
                    s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#dc2626\" opacity=\"0.8\"/>",
                            x, ye, barW, yLin(0, yMax) - ye));
                }
            }
            if (p.spec().targetRate() > 0) {
                double y = yLin(p.spec().targetRate(), yMax);
                s.append(line(x(p.startSeconds(), xMax), y, x(p.startSeconds() + p.windowSeconds(), xMax), y, "#111827", 1.5, null));
            }
        }
        String[][] items = {{"#2563eb", "confirmed/s (colour of the phase)"}, {"#dc2626", "errors + drops per second"},
                {"#111827", "offered rate"}};
        legendRow(s, items);
        s.append(text(14, TOP + (H - TOP - BOTTOM) / 2.0, "orders/s", "middle", 11, "#475569", -90));
        return s.append("</svg>\n").toString();
    }

    private static StringBuilder open() {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"100%%\" font-family=\"sans-serif\">\n", W, H));
    }

    private static void bands(StringBuilder s, List<PhaseResult> phases, double xMax) {
        int i = 0;
        for (PhaseResult p : phases) {
            double x0 = x(p.startSeconds(), xMax);
            double x1 = x(p.endSeconds(), xMax);
            s.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"%d\" fill=\"%s\"/>",
                    x0, TOP, Math.max(1, x1 - x0), H - TOP - BOTTOM, i++ % 2 == 0 ? "#f8fafc" : "#f1f5f9"));
            String name = p.spec().name() + (p.spec().targetRate() > 0 ? " " + Ramp.fmt(p.spec().targetRate()) + "/s"
                    : " ×" + p.spec().concurrency());
            s.append(text(x0 + 3, TOP - 4, name, "start", 9, colour(p.spec()), -60));
        }
    }

    private static void xAxis(StringBuilder s, double xMax) {
        int step = xMax <= 90 ? 10 : xMax <= 240 ? 30 : xMax <= 600 ? 60 : 120;
        for (int t = 0; t <= xMax; t += step) {
            double x = x(t, xMax);
            s.append(line(x, H - BOTTOM, x, H - BOTTOM + 4, "#64748b", 1, null));
            s.append(text(x, H - BOTTOM + 16, t + " s", "middle", 11, "#475569"));
        }
        s.append(line(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM, "#64748b", 1, null));
        s.append(text((LEFT + W - RIGHT) / 2.0, H - BOTTOM + 32, "seconds since the run started (intended send time)", "middle", 11, "#475569"));
    }

    private static void legend(StringBuilder s) {
        legendRow(s, new String[][]{{"#2563eb", "gateway, many products"}, {"#ea580c", "gateway, hot product"},
                {"#16a34a", "direct to order-service"}, {"#9333ea", "gateway, 202 + poll"}, {"#475569", "bare SQL"},
                {"#0d9488", "profiled"}, {"#94a3b8", "warm-up"}, {"#dc2626", "50 ms"}});
    }

    /** A one-line legend under the x axis. */
    private static void legendRow(StringBuilder s, String[][] items) {
        double x = LEFT;
        double y = H - 8;
        for (String[] item : items) {
            s.append(line(x, y - 4, x + 18, y - 4, item[0], 2.4, null));
            s.append(text(x + 23, y, item[1], "start", 10, "#334155"));
            x += 34 + item[1].length() * 6.0;
        }
    }

    private static double xMax(List<PhaseResult> phases) {
        double m = 10;
        for (PhaseResult p : phases) {
            m = Math.max(m, p.endSeconds());
        }
        return Math.ceil(m);
    }

    private static double x(double seconds, double xMax) {
        return LEFT + (W - LEFT - RIGHT) * Math.max(0, Math.min(seconds, xMax)) / xMax;
    }

    static double yLog(double v, double yMin, double yMax) {
        double f = (Math.log10(v) - Math.log10(yMin)) / (Math.log10(yMax) - Math.log10(yMin));
        return H - BOTTOM - (H - TOP - BOTTOM) * Math.max(0, Math.min(1, f));
    }

    private static double yLin(double v, double yMax) {
        return H - BOTTOM - (H - TOP - BOTTOM) * Math.max(0, Math.min(1, v / yMax));
    }

    static double niceCeil(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[]{1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }

    static String label(double ms) {
        if (ms >= 1000) {
            return String.format(Locale.ROOT, "%.0f s", ms / 1000);
        }
        return (ms >= 1 ? String.format(Locale.ROOT, "%.0f", ms) : String.format(Locale.ROOT, "%.1f", ms)) + " ms";
    }

    private static String line(double x1, double y1, double x2, double y2, String colour, double width, String dash) {
        return String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" stroke-width=\"%.1f\"%s/>",
                x1, y1, x2, y2, colour, width, dash == null ? "" : " stroke-dasharray=\"" + dash + "\"");
    }

    private static String polyline(List<double[]> points, String colour, double width, String dash, double opacity) {
        if (points.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder("<polyline fill=\"none\" stroke=\"").append(colour).append("\" stroke-width=\"")
                .append(String.format(Locale.ROOT, "%.1f", width)).append("\" opacity=\"").append(opacity).append('"');
        if (dash != null) {
            b.append(" stroke-dasharray=\"").append(dash).append('"');
        }
        b.append(" points=\"");
        for (double[] p : points) {
            b.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0], p[1]));
        }
        if (points.size() == 1) {
            double[] p = points.get(0);
            b.append(String.format(Locale.ROOT, "%.1f,%.1f ", p[0] + 2, p[1]));
        }
        return b.append("\"/>\n").toString();
    }

    private static String text(double x, double y, String text, String anchor, int size, String colour) {
        return text(x, y, text, anchor, size, colour, 0);
    }

    private static String text(double x, double y, String text, String anchor, int size, String colour, int rotate) {
        return String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"%s\" font-size=\"%d\" fill=\"%s\"%s>%s</text>",
                x, y, anchor, size, colour,
                rotate == 0 ? "" : String.format(Locale.ROOT, " transform=\"rotate(%d %.1f %.1f)\"", rotate, x, y),
                Report.esc(text));
    }
}
