package dev.kirana.accounting.distribution;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One import of a PRM workbook as the run log keeps it. {@code outcome} UNCHANGED: the same file (by SHA-256) was
 * imported before as {@code sameAsRunId}, and nothing was read or changed. {@code rejections} (in the answer to the
 * import, up to 100) name each rejected row and why; the whole list is the rejections file.
 */
@Schema(example = """
        {"id":"8c2b6f0e-3d4a-4b1c-9e7f-1a2b3c4d5e6f","fileName":"prm-imei-2026-11-30.xlsx",
         "sha256":"9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08","outcome":"IMPORTED","sameAsRunId":null,
         "rowsRead":6,"rowsCreated":3,"rowsUpdated":0,"rowsUnchanged":0,"rowsRejected":3,"retailersCreated":1,"productsCreated":2,
         "productsUpdated":0,"durationMs":412,"importedBy":"u-owner","startedAt":"2026-11-30T05:10:00Z","finishedAt":"2026-11-30T05:10:00Z",
         "rejections":[{"rowNumber":5,"imei":"356938035643806","reason":"IMEI 356938035643806 fails its check digit (should end in 9)"}]}""")
public record PrmRun(UUID id, String fileName, String sha256, Outcome outcome, UUID sameAsRunId, int rowsRead, int rowsCreated,
                     int rowsUpdated, int rowsUnchanged, int rowsRejected, int retailersCreated, int productsCreated,
                     int productsUpdated, long durationMs, String importedBy, Instant startedAt, Instant finishedAt,
                     List<PrmRejectedRow> rejections) {

    public enum Outcome { IMPORTED, UNCHANGED }

    public record PrmRejectedRow(int rowNumber, String imei, String reason) {
    }

    PrmRun withRejections(List<PrmRejectedRow> rows) {
        return new PrmRun(id, fileName, sha256, outcome, sameAsRunId, rowsRead, rowsCreated, rowsUpdated, rowsUnchanged, rowsRejected,
                retailersCreated, productsCreated, productsUpdated, durationMs, importedBy, startedAt, finishedAt, rows);
    }
}
