package dev.kirana.catalog.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class SheetsTest {
    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void csvWithBomQuotesAndBlankLines() {
        Sheet sheet = SheetReader.read(utf8("\uFEFFSKU,Name,Selling Price\r\nATTA-5,\"Atta, 5 kg\",245.00\r\n\r\n,,\r\nDAL-1,Toor dal,\"1,250.50\"\r\n"));
        assertThat(sheet.format()).isEqualTo(Sheet.Format.CSV);
        assertThat(sheet.headers()).containsExactly("SKU", "Name", "Selling Price");
        assertThat(sheet.rows()).hasSize(2);
        assertThat(sheet.rows().get(0).number()).isEqualTo(2);
        assertThat(sheet.rows().get(0).cell("Name")).isEqualTo("Atta, 5 kg");
        assertThat(sheet.rows().get(1).number()).isEqualTo(5);
        assertThat(sheet.rows().get(1).cell("Selling Price")).isEqualTo("1,250.50");
    }

    @Test
    void semicolonSeparatedCsvAsSavedByEuropeanExcel() {
        Sheet sheet = SheetReader.read(utf8("sku;name;mrp\nA-1;Soap;45\n"));
        assertThat(sheet.rows().get(0).cells()).containsAllEntriesOf(Map.of("sku", "A-1", "name", "Soap", "mrp", "45"));
    }

    @Test
    void xlsxCellsBecomeTextWithoutBinaryNoise() throws Exception {
        byte[] bytes;
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Products");
            var h = sheet.createRow(0);
            String[] headers = {"sku", "hsn", "barcode", "selling_price", "gst_rate", "perishable"};
            for (int i = 0; i < headers.length; i++) h.createCell(i).setCellValue(headers[i]);
            var r = sheet.createRow(1);
            r.createCell(0).setCellValue("GHEE-1");
            r.createCell(1).setCellValue(405);            // HSN typed as a number: the leading zero is gone
            r.createCell(2).setCellValue(8901234567890d);  // a 13-digit barcode as a number
            r.createCell(3).setCellFormula("200*1.05");    // 210.00000000000003 in binary floating point
            r.createCell(4).setCellValue(12.0);
            r.createCell(5).setCellValue(true);
            book.getCreationHelper().createFormulaEvaluator().evaluateAll();
            sheet.createRow(3).createCell(0).setCellValue("DAL-1");
            book.write(out);
            bytes = out.toByteArray();
        }
        Sheet sheet = SheetReader.read(bytes);
        assertThat(sheet.format()).isEqualTo(Sheet.Format.XLSX);
        var row = sheet.rows().get(0);
        assertThat(row.cells()).containsEntry("hsn", "405").containsEntry("barcode", "8901234567890")
                .containsEntry("selling_price", "210").containsEntry("gst_rate", "12").containsEntry("perishable", "true");
        assertThat(sheet.rows().get(1).number()).isEqualTo(4);
        assertThat(sheet.rows().get(1).cell("hsn")).isEmpty();
    }

    @Test
    void whatIsNotASpreadsheetIsSaidSo() {
        assertThatThrownBy(() -> SheetReader.read(new byte[0])).hasMessage("The file is empty");
        assertThatThrownBy(() -> SheetReader.read(new byte[]{(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2}))
                .hasMessageContaining(".xlsx or .csv");
        assertThatThrownBy(() -> SheetReader.read(new byte[]{(byte) 0xC3, 0x28, 'a'})).hasMessageContaining("UTF-8");
        assertThatThrownBy(() -> SheetReader.read(new byte[]{'P', 'K', 3, 4, 9, 9, 9})).isInstanceOf(SheetException.class)
                .hasMessageContaining("workbook cannot be read");
        StringBuilder many = new StringBuilder("sku\n");
        for (int i = 0; i <= SheetReader.MAX_ROWS; i++) many.append("S").append(i).append('\n');
        assertThatThrownBy(() -> SheetReader.read(utf8(many.toString()))).hasMessageContaining("At most 10000 rows");
    }

    @Test
    void writtenFilesReadBackTheSame() {
        List<String> headers = List.of("sku", "name", "selling_price", "hsn");
        List<List<String>> rows = List.of(List.of("A-1", "Parle-G, 800 g", "90.00", "1905"),
                List.of("=HYPERLINK(\"x\")", "नमक", "20.5", "0401"));
        Sheet csv = SheetReader.read(SheetWriter.csv(headers, rows));
        assertThat(csv.rows().get(0).cells()).containsEntry("name", "Parle-G, 800 g");
        assertThat(csv.rows().get(1).cell("sku")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(ProductRow.unquote(csv.rows().get(1).cell("sku"))).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(csv.rows().get(1).cell("name")).isEqualTo("नमक");

        Sheet xlsx = SheetReader.read(SheetWriter.xlsx("P", headers, rows, Map.of("selling_price", "0.00")));
        assertThat(xlsx.rows().get(0).cells()).containsEntry("selling_price", "90").containsEntry("hsn", "1905");
        assertThat(xlsx.rows().get(1).cells()).containsEntry("selling_price", "20.5").containsEntry("hsn", "0401")
                .containsEntry("sku", "=HYPERLINK(\"x\")");
    }

    @Test
    void formulaLookingTextIsDefusedButNegativeNumbersAreNot() {
        assertThat(SheetWriter.defuse("=1+2")).isEqualTo("'=1+2");
        assertThat(SheetWriter.defuse("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(SheetWriter.defuse("-cmd")).isEqualTo("'-cmd");
        assertThat(SheetWriter.defuse("-3.5")).isEqualTo("-3.5");
        assertThat(SheetWriter.defuse("Atta")).isEqualTo("Atta");
    }
}
