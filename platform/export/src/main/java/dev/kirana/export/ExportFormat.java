package dev.kirana.export;

import java.util.Locale;
import java.util.Optional;

/** The file formats a {@link ReportTable} can be written as. */
public enum ExportFormat {
    CSV("text/csv;charset=UTF-8", "csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx"),
    PDF("application/pdf", "pdf");

    private final String contentType;
    private final String extension;

    ExportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    /** The HTTP Content-Type of the file. */
    public String contentType() {
        return contentType;
    }

    /** The file name extension, without the dot. */
    public String extension() {
        return extension;
    }

    /** "csv", "xlsx" or "pdf" in any case, surrounding blanks ignored; empty for anything else (null too). */
    public static Optional<ExportFormat> parse(String s) {
        if (s == null) {
            return Optional.empty();
        }
        String wanted = s.trim().toLowerCase(Locale.ROOT);
        for (ExportFormat f : values()) {
            if (f.extension.equals(wanted)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
