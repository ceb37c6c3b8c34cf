package dev.kirana.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class PdfExportTest {

    @Test
    void theTitleTheFiguresInIndianGroupingAndTheChartAboveTheTable() throws Exception {
        byte[] pdf = write(Tables.sample(), ExportFormat.PDF);
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isEqualTo(1);
            assertThat(reader.getPageSizeWithRotation(1).getWidth()).isGreaterThan(reader.getPageSizeWithRotation(1).getHeight());   // six columns: landscape
            String text = new PdfTextExtractor(reader).getTextFromPage(1);
            assertThat(text).contains(Tables.TITLE, "2026-04-01 to 2026-04-03", "Amount", "1,23,456.00", "-12,345.50", "250.50",
                    "1,11,361.00", "Total", "12.5%", "=1+2", "Tea, \"Premium\"");
            assertThat(text).doesNotContain(Tables.CHART_TITLE);   // the chart's words are drawn as outlines, not text
            assertChartAboveTable(reader);
        } finally {
            reader.close();
        }
    }

    @Test
    void withoutAChartThereIsNoDrawingAndFiveColumnsStandUpright() throws Exception {
        List<Column> five = Tables.COLUMNS.subList(0, 5);
        List<List<Object>> rows = new ArrayList<>();
        for (List<Object> r : Tables.sampleRows()) rows.add(r.subList(0, 5));
        byte[] pdf = write(new ReportTable("Five", null, five, Tables.once(rows), null, null), ExportFormat.PDF);
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getPageSizeWithRotation(1).getWidth()).isLessThan(reader.getPageSizeWithRotation(1).getHeight());
            assertThat(xObjects(reader, 1)).isNull();
            assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Five", "1,23,456.00");
        } finally {
            reader.close();
        }
    }

    @Test
    void barAndPieChartsAreDrawnToo() throws Exception {
        List<Column> columns = List.of(Column.text("Category"), Column.money("Sales"), Column.money("Margin"));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 14; i++) {
            rows.add(Tables.row("Category " + i, BigDecimal.valueOf(1000 + i * 250L), BigDecimal.valueOf(i * 40L - 100)));
        }
        rows.add(Tables.row("Nothing sold", null, null));
        for (Chart chart : List.of(Chart.bar("Sales and margin", 0, 1, 2), Chart.pie("Sales by category", 0, 1))) {
            byte[] pdf = write(new ReportTable("Categories", "April", columns, Tables.once(rows), null, chart), ExportFormat.PDF);
            PdfReader reader = new PdfReader(pdf);
            try {
                assertChartAboveTable(reader);
                assertThat(new PdfTextExtractor(reader).getTextFromPage(1)).contains("Categories", "Category 13", "4,250.00");
            } finally {
                reader.close();
            }
        }
    }

    @Test
    void theHeaderRowIsRepeatedOnEveryPage() throws Exception {
        byte[] pdf = write(Tables.generated(300, Chart.line("Trend", 0, 4)), ExportFormat.PDF);
        PdfReader reader = new PdfReader(pdf);
        try {
            assertThat(reader.getNumberOfPages()).isGreaterThan(3);
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int p = 2; p <= reader.getNumberOfPages(); p++) {
                String text = extractor.getTextFromPage(p);
                assertThat(text).contains("Date", "Item", "Amount", "GST %", "Page " + p);
            }
            assertThat(extractor.getTextFromPage(reader.getNumberOfPages())).contains("Item 299");
        } finally {
            reader.close();
        }
    }

    @Test
    void aLongTableIsCutWithANoteSayingHowManyRowsWereLeftOut() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PdfExport.write(Tables.generated(60, null), out, 50);
        PdfReader reader = new PdfReader(out.toByteArray());
        try {
            StringBuilder all = new StringBuilder();
            PdfTextExtractor extractor = new PdfTextExtractor(reader);
            for (int p = 1; p <= reader.getNumberOfPages(); p++) all.append(extractor.getTextFromPage(p));
            // row 49 is dated 2026-05-20, row 50 would be 2026-05-21
            assertThat(all).contains("2026-05-20").doesNotContain("2026-05-21")
                    .contains("Only the first 50 rows are shown; 10 more were left out of this PDF.");
        } finally {
            reader.close();
        }
    }

    @Test
    void theWriterLeavesTheCallersStreamOpen() throws Exception {
        LargeExportTest.Counting out = new LargeExportTest.Counting();
        for (ExportFormat f : ExportFormat.values()) {
            Exporter.write(Tables.sample(), f, out);
        }
        assertThat(out.closed).isFalse();
    }

    private static byte[] write(ReportTable t, ExportFormat f) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(t, f, out);
        byte[] bytes = out.toByteArray();
        assertThat(new String(bytes, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
        return bytes;
    }

    /** One drawing (a form XObject with a sizeable content stream) placed above the table's shaded header row. */
    private static void assertChartAboveTable(PdfReader reader) throws Exception {
        PdfDictionary xObjects = xObjects(reader, 1);
        assertThat(xObjects).isNotNull();
        assertThat(xObjects.size()).isEqualTo(1);
        PdfName name = xObjects.getKeys().iterator().next();
        PRStream form = (PRStream) PdfReader.getPdfObject(xObjects.get(name));
        assertThat(form.getAsName(PdfName.SUBTYPE)).isEqualTo(PdfName.FORM);
        assertThat(PdfReader.getStreamBytes(form).length).isGreaterThan(2_000);

        String content = new String(reader.getPageContent(1), StandardCharsets.ISO_8859_1);
        Matcher placed = Pattern.compile("1 0 0 1 ([\\d.]+) ([\\d.]+) cm /" + name.toString().substring(1) + " Do").matcher(content);
        assertThat(placed.find()).as("the drawing is placed on the page").isTrue();
        float chartBottom = Float.parseFloat(placed.group(2));
        Matcher header = Pattern.compile("0\\.90196 0\\.90196 0\\.90196 rg\\s+[\\d.]+ ([\\d.]+) [\\d.]+ ([\\d.]+) re").matcher(content);
        assertThat(header.find()).as("the header row is shaded").isTrue();
        float headerTop = Float.parseFloat(header.group(1)) + Float.parseFloat(header.group(2));
        assertThat(chartBottom).isGreaterThanOrEqualTo(headerTop);
    }

    private static PdfDictionary xObjects(PdfReader reader, int page) {
        PdfDictionary resources = reader.getPageN(page).getAsDict(PdfName.RESOURCES);
        return resources == null ? null : resources.getAsDict(PdfName.XOBJECT);
    }
}
