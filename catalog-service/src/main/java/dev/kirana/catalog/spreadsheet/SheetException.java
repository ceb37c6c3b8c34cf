package dev.kirana.catalog.spreadsheet;

/** The file as a whole cannot be imported (not a spreadsheet, no header, too many rows). */
public class SheetException extends RuntimeException {
    public SheetException(String message) {
        super(message);
    }

    public SheetException(String message, Throwable cause) {
        super(message, cause);
    }
}
