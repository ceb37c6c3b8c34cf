package dev.kirana.accounting.distribution;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of a PRM workbook (Office Open XML, .xlsx) read with POI, or the same table saved as CSV (UTF-8,
 * comma or semicolon separated, read with Commons CSV): the first non-blank row is the header, each later non-blank row
 * a {@link PrmRow.Raw} whose cells are text, numbers (BigDecimal, as the cell holds them) or dates (date-formatted
 * cells; in CSV every cell is text). Blocking and CPU-bound: call it off the event loop.
 */
public final class PrmWorkbook {
    public static final int MAX_ROWS = 5_000;
    public static final long MAX_BYTES = 5L * 1024 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};

    static {
        // a workbook of a few thousand rows never needs more; refuses zip bombs before they inflate
        ZipSecureFile.setMaxEntrySize(64L * 1024 * 1024);
    }

    public record Sheet(List<String> headers, List<PrmRow.Raw> rows) {
    }

    public static Sheet read(byte[] bytes) {
        if (bytes.length == 0) {
            throw new PrmFileException("The file is empty");
        }
        if (bytes.length < ZIP.length || bytes[0] != ZIP[0] || bytes[1] != ZIP[1] || bytes[2] != ZIP[2] || bytes[3] != ZIP[3]) {
            return csv(bytes);
        }
        try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (book.getNumberOfSheets() == 0) {
                throw new PrmFileException("The workbook has no sheet");
            }
            List<String> headers = null;
            List<PrmRow.Raw> rows = new ArrayList<>();
            for (Row r : book.getSheetAt(0)) {
                List<Object> cells = new ArrayList<>();
                for (int c = 0; c < Math.max(r.getLastCellNum(), 0) && c < 100; c++) {
                    cells.add(value(r.getCell(c)));
                }
                if (cells.stream().allMatch(PrmRow::blank)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells.stream().map(PrmRow::text).toList();
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new PrmFileException("At most " + MAX_ROWS + " rows can be imported at once; split the file");
                }
                rows.add(new PrmRow.Raw(r.getRowNum() + 1, cells));
            }
            if (headers == null) {
                throw new PrmFileException("The first sheet has no header row");
            }
            return new Sheet(headers, rows);
        } catch (PrmFileException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new PrmFileException("The workbook cannot be read: " + e.getMessage(), e);
        }
    }

    static Sheet csv(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new PrmFileException("The file is neither an .xlsx workbook nor UTF-8 CSV text (an old .xls? save it as .xlsx)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        List<String> headers = null;
        List<PrmRow.Raw> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).setTrim(true).get())) {
            for (CSVRecord record : parser) {
                List<Object> cells = new ArrayList<>(record.toList().subList(0, Math.min(record.size(), 100)));
                if (cells.stream().allMatch(PrmRow::blank)) {
                    continue;
                }
                if (headers == null) {
                    headers = cells.stream().map(PrmRow::text).toList();
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw new PrmFileException("At most " + MAX_ROWS + " rows can be imported at once; split the file");
                }
                rows.add(new PrmRow.Raw((int) record.getRecordNumber(), cells));
            }
        } catch (IOException | java.io.UncheckedIOException | IllegalStateException e) {
            throw new PrmFileException("The CSV file cannot be read: " + e.getMessage(), e);
        }
        if (headers == null) {
            throw new PrmFileException("The file has no header row");
        }
        return new Sheet(headers, rows);
    }

    private static Object value(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? cell.getLocalDateTimeCellValue().toLocalDate()
                    // the shortest decimal that reads back as the cell's double: 12499.0 is 12499, an IMEI its 15 digits
                    : BigDecimal.valueOf(cell.getNumericCellValue());
            default -> null;
        };
    }

    private PrmWorkbook() {
    }
}
