package dev.kirana.catalog.spreadsheet;

import dev.kirana.web.problem.Problems.FieldError;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What an import did: rows created, updated, left unchanged and rejected, with each rejected row's
 * problems (the same list is downloadable from {@code rejectionsUrl} with the row's original cells).
 */
public record ImportReport(UUID id, String fileName, String format, String sha256, int rows, int created, int updated,
                           int unchanged, int rejected, List<String> ignoredColumns, List<RejectedRow> rejections,
                           String rejectionsUrl, String importedBy, Instant importedAt) {

    public record RejectedRow(int row, String sku, List<FieldError> errors) {
    }
}
