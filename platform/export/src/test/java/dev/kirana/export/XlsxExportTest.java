package dev.kirana.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.PaneInformation;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class XlsxExportTest {

    @Test
    void aWorkbookHasASheetPerTableInOrderEachNamedOnceAndLaidOutAsOne() throws Exception {
        ReportTable first = new ReportTable("b2b", "GSTIN 27AAPFU0939F1ZV", List.of(Column.text("Invoice Number"), Column.money("Invoice Value")),
                List.of(List.of("INV/2627/00101", new java.math.BigDecimal("10500.00")), List.of("INV/2627/00102", new java.math.BigDecimal("10100.00"))));
        ReportTable empty = new ReportTable("hsn(b2c)", null, List.of(Column.text("HSN")), List.of());
        ReportTable again = new ReportTable("b2b", null, List.of(Column.text("HSN")), List.of());
        byte[] bytes = Exporter.workbook(List.of(first, empty, again));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(book.getNumberOfSheets()).isEqualTo(3);
            assertThat(book.getSheetName(0)).isEqualTo("b2b");
            assertThat(book.getSheetName(1)).isEqualTo("hsn(b2c)");
            assertThat(book.getSheetName(2)).isEqualTo("b2b (2)");
            XSSFSheet b2b = book.getSheetAt(0);
            assertThat(b2b.getRow(3).getCell(0).getStringCellValue()).isEqualTo("Invoice Number");
            numeric(b2b.getRow(5).getCell(1), 10100.00, "#,##0.00");
            assertThat(b2b.getPaneInformation().isFreezePane()).isTrue();
            assertThat(book.getSheetAt(1).getLastRowNum()).isEqualTo(3);   // title, blank, blank, header: no rows
        }
        assertThatThrownBy(() -> Exporter.workbook(List.of())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void numbersAreNumberCellsWithTheirFormatsUnderAFrozenFilteredHeader() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(Tables.sample(), ExportFormat.XLSX, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo(Tables.TITLE);
            XSSFCell title = sheet.getRow(0).getCell(0);
            assertThat(title.getStringCellValue()).isEqualTo(Tables.TITLE);
            assertThat(title.getCellStyle().getFont().getBold()).isTrue();
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo(Tables.SUBTITLE);

            XSSFRow header = sheet.getRow(3);
            assertThat(header.getCell(4).getStringCellValue()).isEqualTo("Amount");
            assertThat(header.getCell(0).getCellStyle().getFont().getBold()).isTrue();
            PaneInformation pane = sheet.getPaneInformation();
            assertThat(pane.isFreezePane()).isTrue();
            assertThat(pane.getHorizontalSplitTopRow()).isEqualTo((short) 4);
            assertThat(pane.getVerticalSplitPosition()).isZero();
            assertThat(sheet.getCTWorksheet().isSetAutoFilter()).isTrue();
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:F8");

            XSSFRow first = sheet.getRow(4);
            XSSFCell date = first.getCell(0);
            assertThat(date.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(DateUtil.isCellDateFormatted(date)).isTrue();
            assertThat(date.getLocalDateTimeCellValue().toLocalDate()).isEqualTo(LocalDate.of(2026, 4, 1));
            assertThat(date.getCellStyle().getDataFormatString()).isEqualTo("yyyy-mm-dd");
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("चाय पत्ती");
            numeric(first.getCell(2), 2.5, "#,##0.###");
            numeric(first.getCell(3), 3, "#,##0");
            numeric(first.getCell(4), 123456.00, "#,##0.00");
            numeric(first.getCell(5), 5, "0.0\"%\"");

            XSSFRow second = sheet.getRow(5);
            assertThat(second.getCell(1).getCellType()).isEqualTo(CellType.STRING);   // text, never a formula
            assertThat(second.getCell(1).getStringCellValue()).isEqualTo("=1+2");
            numeric(second.getCell(4), -12345.50, "#,##0.00");
            numeric(second.getCell(5), 18, "0.0\"%\"");
            XSSFRow third = sheet.getRow(6);
            assertThat(third.getCell(1)).isNull();
            assertThat(third.getCell(2)).isNull();
            numeric(third.getCell(4), 250.50, "#,##0.00");
            numeric(third.getCell(5), 12.5, "0.0\"%\"");

            XSSFRow totals = sheet.getRow(8);
            assertThat(totals.getCell(0)).isNull();
            assertThat(totals.getCell(1).getStringCellValue()).isEqualTo("Total");
            assertThat(totals.getCell(1).getCellStyle().getFont().getBold()).isTrue();
            numeric(totals.getCell(4), 111361.00, "#,##0.00");
            assertThat(totals.getCell(4).getCellStyle().getFont().getBold()).isTrue();
            assertThat(first.getCell(4).getCellStyle().getFont().getBold()).isFalse();
            assertThat(sheet.getLastRowNum()).isEqualTo(8);

            // wide enough for "1,23,456.00" and for the dates; never the 8-character default for every column
            assertThat(sheet.getColumnWidth(4)).isGreaterThanOrEqualTo(11 * 256);
            assertThat(sheet.getColumnWidth(0)).isGreaterThanOrEqualTo(10 * 256);
        }
    }

    @Test
    void twentyThousandRowsStreamAndReadBack() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(Tables.generated(20_000, null), ExportFormat.XLSX, out);
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            XSSFSheet sheet = book.getSheetAt(0);
            assertThat(sheet.getPhysicalNumberOfRows()).isEqualTo(3 + 20_000);   // title, subtitle, header; no totals
            assertThat(sheet.getLastRowNum()).isEqualTo(3 + 20_000);
            assertThat(sheet.getRow(3 + 20_000).getCell(3).getNumericCellValue()).isEqualTo(19_999);
            assertThat(sheet.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A4:F20004");
        }
    }

    @Test
    void theTempFilesAreGoneAfterwardsEvenWhenARowIsBad() throws Exception {
        Path poiFiles = Path.of(System.getProperty("java.io.tmpdir"), "poifiles");
        long before = sheetFiles(poiFiles);
        Exporter.write(Tables.generated(1_000, null), ExportFormat.XLSX, new ByteArrayOutputStream());
        List<Column> two = List.of(Column.text("a"), Column.text("b"));
        ReportTable bad = new ReportTable("bad", null, two, List.of(Tables.row("x", "y"), Tables.row("z")));
        assertThatThrownBy(() -> Exporter.write(bad, ExportFormat.XLSX, new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class);
        assertThat(sheetFiles(poiFiles)).isEqualTo(before);
    }

    private static long sheetFiles(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().startsWith("poi-sxssf")).count();
        }
    }

    private static void numeric(XSSFCell cell, double value, String format) {
        assertThat(cell.getCellType()).isEqualTo(CellType.NUMERIC);
        assertThat(cell.getNumericCellValue()).isEqualTo(value);
        assertThat(cell.getCellStyle().getDataFormatString()).isEqualTo(format);
    }
}
