package dev.kirana.catalog.spreadsheet;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.usermodel.WorkbookFactory;

/**
 * Reads CSV (UTF-8, comma or semicolon separated) and XLSX (the first sheet) into a {@link Sheet}.
 * Blocking and CPU-bound: call it off the event loop.
 */
public final class SheetReader {
    public static final int MAX_ROWS = 10_000;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};

    static {
        // a small spreadsheet never needs more; refuses zip bombs before they inflate
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    private SheetReader() {
    }

    public static Sheet read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new SheetException("The file is empty");
        }
        if (startsWith(bytes, ZIP)) {
            return xlsx(bytes);
        }
        if (startsWith(bytes, OLE2)) {
            throw new SheetException("Old .xls workbooks are not supported: save the sheet as .xlsx or .csv");
        }
        return csv(bytes);
    }

    static Sheet csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SheetException("The file is neither an .xlsx workbook nor UTF-8 CSV text");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(true).get();
        List<String> headers = null;
        List<Sheet.Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            int number = 0;
            for (CSVRecord record : parser) {
                number++;
                List<String> values = record.toList();
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (headers == null) {
                    headers = headers(values);
                    continue;
                }
                rows.add(row(number, headers, values));
                if (rows.size() > MAX_ROWS) {
                    throw tooMany();
                }
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            throw new SheetException("The CSV file cannot be read: " + e.getMessage(), e);
        }
        if (headers == null) {
            throw new SheetException("The file has no header row");
        }
        return new Sheet(Sheet.Format.CSV, headers, rows);
    }

    static Sheet xlsx(byte[] bytes) {
        try (Workbook book = WorkbookFactory.create(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                throw new SheetException("The workbook has no sheet");
            }
            var sheet = book.getSheetAt(0);
            List<String> headers = null;
            List<Sheet.Row> rows = new ArrayList<>();
            for (var r : sheet) {
                List<String> values = new ArrayList<>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0); c++) {
                    values.add(text(r.getCell(c)));
                }
                if (values.stream().allMatch(String::isBlank)) {
                    continue;
                }
                if (headers == null) {
                    headers = headers(values);
                    continue;
                }
                rows.add(row(r.getRowNum() + 1, headers, values));
                if (rows.size() > MAX_ROWS) {
                    throw tooMany();
                }
            }
            if (headers == null) {
                throw new SheetException("The first sheet has no header row");
            }
            return new Sheet(Sheet.Format.XLSX, headers, rows);
        } catch (IOException | RuntimeException e) {
            if (e instanceof SheetException se) {
                throw se;
            }
            throw new SheetException("The workbook cannot be read: " + e.getMessage(), e);
        }
    }

    /** A cell as text: numbers without binary noise (210.00000000000003 is 210), codes without ".0", dates as ISO dates. */
    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue().trim();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate().format(DateTimeFormatter.ISO_LOCAL_DATE)
                    : number(cell.getNumericCellValue());
            default -> "";
        };
    }

    static String number(double value) {
        BigDecimal d = BigDecimal.valueOf(value);
        if (d.scale() > 6) {
            d = d.setScale(6, RoundingMode.HALF_UP);
        }
        d = d.stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }

    private static List<String> headers(List<String> values) {
        List<String> headers = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            String h = values.get(i).trim();
            headers.add(h.isEmpty() ? "column " + (i + 1) : h);
        }
        return headers;
    }

    private static Sheet.Row row(int number, List<String> headers, List<String> values) {
        Map<String, String> cells = new LinkedHashMap<>();
        for (int i = 0; i < headers.size(); i++) {
            cells.put(headers.get(i), i < values.size() ? values.get(i).trim() : "");
        }
        return new Sheet.Row(number, cells);
    }

    private static SheetException tooMany() {
        return new SheetException("At most " + MAX_ROWS + " rows can be imported at once; split the file");
    }

    private static boolean startsWith(byte[] bytes, byte[] magic) {
        if (bytes.length < magic.length) {
            return false;
        }
        for (int i = 0; i < magic.length; i++) {
            if (bytes[i] != magic[i]) {
                return false;
            }
        }
        return true;
    }
}
