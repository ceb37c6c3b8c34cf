package dev.kirana.export;

import com.lowagie.text.Image;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfTemplate;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.math.BigDecimal;
import java.text.FieldPosition;
import java.text.NumberFormat;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

/**
 * A {@link Chart} drawn with JFreeChart as vector graphics into a PDF template (no screen, no image encoding: it works
 * on a headless server). A pie's slices are labelled with their names and shares, without a legend.
 */
final class ChartDrawing {
    private static final int PIE_SLICES = 10;
    private static final int ROTATE_LABELS_ABOVE = 12;
    private static final int HIDE_LABELS_ABOVE = 60;
    private static final int SHAPES_UP_TO = 31;

    static {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** The chart as an element the document lays out like an image, {@code width} by {@code height} points. */
    static Image draw(PdfContentByte canvas, Chart spec, List<Column> columns, List<List<Object>> rows, float width, float height) {
        JFreeChart chart = spec.type() == Chart.Type.PIE ? pie(spec, columns, rows) : categories(spec, columns, rows);
        PdfTemplate template = canvas.createTemplate(width, height);
        // text as outlines of the server's own fonts: measured and drawn with the same glyphs (the standard PDF fonts
        // have other widths, and no Devanagari or ₹), at the cost of the chart's words not being searchable
        Graphics2D g2 = template.createGraphicsShapes(width, height);
        try {
            chart.draw(g2, new Rectangle2D.Double(0, 0, width, height));
        } finally {
            g2.dispose();
        }
        return Image.getInstance(template);
    }

    static JFreeChart categories(Chart spec, List<Column> columns, List<List<Object>> rows) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        Column.Kind labelKind = columns.get(spec.labelColumn()).kind();
        for (int r = 0; r < rows.size(); r++) {
            List<Object> row = rows.get(r);
            Key category = new Key(r, Cells.display(labelKind, row.get(spec.labelColumn())));
            for (int c : spec.valueColumns()) {
                data.addValue(Cells.number(columns.get(c).kind(), row.get(c)), new Key(c, columns.get(c).header()), category);
            }
        }
        boolean legend = spec.valueColumns().size() > 1;
        String title = spec.title().isBlank() ? null : spec.title();
        JFreeChart chart = spec.type() == Chart.Type.LINE
                ? ChartFactory.createLineChart(title, null, null, data, PlotOrientation.VERTICAL, legend, false, false)
                : ChartFactory.createBarChart(title, null, null, data, PlotOrientation.VERTICAL, legend, false, false);
        theme().apply(chart);
        CategoryPlot plot = chart.getCategoryPlot();
        ((NumberAxis) plot.getRangeAxis()).setNumberFormatOverride(new IndianNumberFormat());
        CategoryAxis axis = plot.getDomainAxis();
        if (rows.size() > HIDE_LABELS_ABOVE) {
            axis.setTickLabelsVisible(false);
            axis.setTickMarksVisible(false);
        } else if (rows.size() > ROTATE_LABELS_ABOVE) {
            axis.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
        }
        if (plot.getRenderer() instanceof LineAndShapeRenderer line) {
            line.setDefaultShapesVisible(rows.size() <= SHAPES_UP_TO);
            for (int s = 0; s < spec.valueColumns().size(); s++) {
                line.setSeriesStroke(s, new BasicStroke(1.5f));
            }
        } else if (plot.getRenderer() instanceof BarRenderer bar) {
            bar.setBarPainter(new StandardBarPainter());
            bar.setShadowVisible(false);
            bar.setItemMargin(0.05);
        }
        return chart;
    }

    /** The first value column's positive amounts by label; beyond ten slices, the smallest are folded into "Other". */
    static JFreeChart pie(Chart spec, List<Column> columns, List<List<Object>> rows) {
        int valueColumn = spec.valueColumns().get(0);
        Column.Kind labelKind = columns.get(spec.labelColumn()).kind();
        Column.Kind valueKind = columns.get(valueColumn).kind();
        List<Slice> slices = new ArrayList<>();
        for (int r = 0; r < rows.size(); r++) {
            BigDecimal v = Cells.number(valueKind, rows.get(r).get(valueColumn));
            if (v != null && v.signum() > 0) {
                slices.add(new Slice(new Key(r, Cells.display(labelKind, rows.get(r).get(spec.labelColumn()))), v));
            }
        }
        DefaultPieDataset<Key> data = new DefaultPieDataset<>();
        if (slices.size() > PIE_SLICES) {
            List<Slice> bySize = new ArrayList<>(slices);
            bySize.sort(Comparator.comparing(Slice::value).reversed());
            List<Slice> kept = new ArrayList<>(bySize.subList(0, PIE_SLICES - 1));
            BigDecimal other = bySize.subList(PIE_SLICES - 1, bySize.size()).stream().map(Slice::value).reduce(BigDecimal.ZERO, BigDecimal::add);
            kept.sort(Comparator.comparingInt(s -> s.key().index()));
            kept.forEach(s -> data.setValue(s.key(), s.value()));
            data.setValue(new Key(Integer.MAX_VALUE, "Other"), other);
        } else {
            slices.forEach(s -> data.setValue(s.key(), s.value()));
        }
        JFreeChart chart = ChartFactory.createPieChart(spec.title().isBlank() ? null : spec.title(), data, false, false, false);
        theme().apply(chart);
        @SuppressWarnings("unchecked")
        PiePlot<Key> plot = (PiePlot<Key>) chart.getPlot();
        plot.setLabelGenerator(new StandardPieSectionLabelGenerator("{0} ({2})"));
        plot.setShadowPaint(null);
        plot.setOutlineVisible(false);
        return chart;
    }

    private static StandardChartTheme theme() {
        StandardChartTheme theme = new StandardChartTheme("kirana", false);
        theme.setExtraLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        theme.setLargeFont(new Font(Font.SANS_SERIF, Font.BOLD, 10));
        theme.setRegularFont(new Font(Font.SANS_SERIF, Font.PLAIN, 8));
        theme.setSmallFont(new Font(Font.SANS_SERIF, Font.PLAIN, 7));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setRangeGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
        theme.setDomainGridlinePaint(new Color(0xCC, 0xCC, 0xCC));
        theme.setBarPainter(new StandardBarPainter());
        return theme;
    }

    /** A category, series or slice: shown by its text, kept apart by its position (two rows may share a label). */
    record Key(int index, String text) implements Comparable<Key> {
        @Override
        public int compareTo(Key o) {
            return Integer.compare(index, o.index);
        }

        @Override
        public String toString() {
            return text;
        }
    }

    private record Slice(Key key, BigDecimal value) {
    }

    /** Axis ticks with Indian digit grouping (2,50,000), decimals only where the tick has them. */
    static final class IndianNumberFormat extends NumberFormat {
        @Override
        public StringBuffer format(double number, StringBuffer to, FieldPosition pos) {
            if (!Double.isFinite(number)) {
                return to.append(number);
            }
            BigDecimal v = BigDecimal.valueOf(number).stripTrailingZeros();
            return to.append(IndianFormat.grouped(v.scale() < 0 ? v.setScale(0) : v));
        }

        @Override
        public StringBuffer format(long number, StringBuffer to, FieldPosition pos) {
            return to.append(IndianFormat.grouped(number));
        }

        @Override
        public Number parse(String source, ParsePosition pos) {
            return NumberFormat.getInstance().parse(source.replace(",", ""), pos);
        }
    }

    private ChartDrawing() {
    }
}
