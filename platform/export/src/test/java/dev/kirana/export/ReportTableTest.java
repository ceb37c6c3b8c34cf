package dev.kirana.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTableTest {

    @Test
    void formatsParseByExtensionInAnyCase() {
        assertThat(ExportFormat.parse("csv")).contains(ExportFormat.CSV);
        assertThat(ExportFormat.parse(" XLSX ")).contains(ExportFormat.XLSX);
        assertThat(ExportFormat.parse("Pdf")).contains(ExportFormat.PDF);
        assertThat(ExportFormat.parse("docx")).isEmpty();
        assertThat(ExportFormat.parse("json")).isEmpty();
        assertThat(ExportFormat.parse(null)).isEmpty();
        assertThat(ExportFormat.CSV.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(ExportFormat.XLSX.contentType()).isEqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        assertThat(ExportFormat.PDF.contentType()).isEqualTo("application/pdf");
        assertThat(ExportFormat.XLSX.extension()).isEqualTo("xlsx");
    }

    @Test
    void aTableIsCheckedWhenMadeAndEachRowWhenWritten() {
        List<Column> two = List.of(Column.text("Name"), Column.money("Amount"));
        assertThatThrownBy(() -> new ReportTable("t", null, List.of(), List.of())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportTable("t", null, two, List.of(), Tables.row("Total"), null))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("totals");
        assertThatThrownBy(() -> new ReportTable("t", null, two, List.of(), null, Chart.line("c", 0, 2)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ReportTable("t", null, two, List.of(), null, Chart.bar("c", 1, 0)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not numeric");
        ReportTable shortRow = new ReportTable("t", null, two, List.of(Tables.row("a", 1L), Tables.row("b")));
        for (ExportFormat f : ExportFormat.values()) {
            assertThatThrownBy(() -> Exporter.write(shortRow, f, new ByteArrayOutputStream()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("row 1 has 1 cells for 2 columns");
        }
    }
}
