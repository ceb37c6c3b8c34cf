package dev.kirana.accounting.distribution;

/** A workbook that cannot be imported at all (not an XLSX file, no header row, a required column missing, too many rows). */
public class PrmFileException extends RuntimeException {
    public PrmFileException(String message) {
        super(message);
    }

    public PrmFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
