package dev.kirana.backup;

import java.time.Instant;
import java.util.List;

/**
 * The archive's {@code manifest.json}: what it is, from which service and schema version, whose shop, when, and each
 * table file's row count and SHA-256, so a restore refuses an archive that is not whole or not for this service.
 *
 * @param formatVersion {@link ShopBackup#FORMAT_VERSION} of the service that wrote it; a newer one is refused
 * @param schemaVersion the service's migration version when the backup was taken; a restore refuses an archive of a
 *                      newer schema than its own (an older one restores: migrations only add)
 * @param consumers     the service's event consumers at that moment: how many events each had handled and the last
 *                      one's time, i.e. from when on events must be handled again to bring a restored shop up to date
 */
public record BackupManifest(int formatVersion, String service, String schemaVersion, String shopId, Instant takenAt,
                             List<TableFile> tables, List<ConsumerPosition> consumers) {

    /** @param sha256 lowercase hex digest of the file's bytes */
    public record TableFile(String table, String file, long rows, String sha256) {
    }

    public record ConsumerPosition(String consumer, long handledEvents, Instant lastHandledAt) {
    }

    public long rows() {
        return tables.stream().mapToLong(TableFile::rows).sum();
    }
}
