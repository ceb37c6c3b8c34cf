package dev.kirana.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class CsvExportTest {

    @Test
    void aTableReadsBackCellForCellBehindAByteOrderMark() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(Tables.sample(), ExportFormat.CSV, out);
        byte[] bytes = out.toByteArray();
        assertThat(bytes).startsWith(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, StandardCharsets.UTF_8).substring(1);
        assertThat(text).startsWith("Sales register\r\n").endsWith("\r\n").doesNotContain("\n\n");
        assertThat(text.replace("\r\n", "")).doesNotContain("\n");

        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(text))) {
            records = parser.getRecords();
        }
        assertThat(records).hasSize(3 + 4 + 1);
        assertThat(records.get(0).toList()).containsExactly(Tables.TITLE);
        assertThat(records.get(1).toList()).containsExactly(Tables.SUBTITLE);
        assertThat(records.get(2).toList()).containsExactly("Date", "Item", "Qty", "Bills", "Amount", "GST %");
        assertThat(records.get(3).toList()).containsExactly("2026-04-01", "चाय पत्ती", "2.5", "3", "123456.00", "5");
        assertThat(records.get(4).toList()).containsExactly("2026-04-02", "'=1+2", "1", "1", "-12345.50", "18");
        assertThat(records.get(5).toList()).containsExactly("2026-04-03", "", "", "2", "250.50", "12.5");
        assertThat(records.get(6).toList()).containsExactly("2026-04-03", "Tea, \"Premium\"", "0.250", "1", "0.00", "");
        assertThat(records.get(7).toList()).containsExactly("", "Total", "4.25", "7", "111361.00", "");
        // numbers, negatives included, plainly; the quoted cell as RFC 4180 has it
        assertThat(text).contains("\r\n2026-04-02,'=1+2,1,1,-12345.50,18\r\n").contains(",\"Tea, \"\"Premium\"\"\",")
                .endsWith("\r\n,Total,4.25,7,111361.00,\r\n");
    }

    @Test
    void textThatASpreadsheetWouldRunIsNeutralisedButNumbersAreNot() throws Exception {
        List<Column> columns = List.of(Column.text("Note"), Column.money("Amount"), Column.text("Code"));
        ReportTable t = new ReportTable("=HYPERLINK(\"x\")", null, columns, Tables.once(List.of(
                Tables.row("+91 98100 00000", new java.math.BigDecimal("-5"), "-5"),
                Tables.row("@SUM(A1)", "-7.25", "\tx"),
                Tables.row("\rx", "-1+2", "a=b"),
                Tables.row("@sum", "", "multi\nline"))), null, null);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Exporter.write(t, ExportFormat.CSV, out);
        List<CSVRecord> records;
        try (CSVParser parser = CSVFormat.RFC4180.parse(new StringReader(out.toString(StandardCharsets.UTF_8).substring(1)))) {
            records = parser.getRecords();
        }
        assertThat(records.get(0).get(0)).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(records.get(1).toList()).containsExactly("");   // no subtitle: an empty line would be no record at all
        assertThat(records.get(3).toList()).containsExactly("'+91 98100 00000", "-5.00", "'-5");
        assertThat(records.get(4).toList()).containsExactly("'@SUM(A1)", "-7.25", "'\tx");
        // a money column holding something that is not a number is text like any other
        assertThat(records.get(5).toList()).containsExactly("'\rx", "'-1+2", "a=b");
        assertThat(records.get(6).toList()).containsExactly("'@sum", "", "multi\nline");
    }
}
