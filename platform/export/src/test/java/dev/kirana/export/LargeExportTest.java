package dev.kirana.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import org.junit.jupiter.api.Test;

/**
 * A hundred thousand rows go out as CSV and XLSX without the file (or the sheet) being held in memory: the module's
 * tests run in a 256 MB heap (see the pom), in which a whole XSSF sheet of this size would not fit.
 */
class LargeExportTest {
    private static final int ROWS = 100_000;

    @Test
    void aHundredThousandRowsOfCsvAreWrittenAsTheyAreRead() throws Exception {
        Counting out = new Counting();
        Exporter.write(Tables.generated(ROWS, null), ExportFormat.CSV, out);
        assertThat(out.lines).isEqualTo(3 + ROWS);
        assertThat(out.bytes).isGreaterThan(ROWS * 40L);
    }

    @Test
    void aHundredThousandRowsOfXlsxStreamThroughTheWindow() throws Exception {
        Counting out = new Counting();
        Exporter.write(Tables.generated(ROWS, null), ExportFormat.XLSX, out);
        assertThat(out.bytes).isGreaterThan(1_000_000L);
        assertThat(out.closed).isFalse();
    }

    /** Counts what it is given and keeps none of it. */
    static final class Counting extends OutputStream {
        long bytes;
        long lines;
        boolean closed;

        @Override
        public void write(int b) {
            bytes++;
            if (b == '\n') lines++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            bytes += len;
            for (int i = off; i < off + len; i++) {
                if (b[i] == '\n') lines++;
            }
        }

        @Override
        public void close() {
            closed = true;
        }
    }
}
