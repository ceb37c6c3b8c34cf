package dev.kirana.backup;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * kirana.backup.*: where a service answers backup and restore, and what of its schema the archive leaves out.
 *
 * @param path          the service's API prefix ({@code /api/v1/inventory}): the endpoints are {@code <path>/backup}
 *                      and {@code <path>/restore}; unset, the service offers neither
 * @param schema        the schema holding the service's tables (default: the connection's own, {@code public})
 * @param historyTable  that schema's migration history table
 * @param exclude       tables with a shop_id that are not restored data (credentials, tokens, sessions)
 * @param peopleColumns regex of the columns naming users, who are shared across shops: kept as they are when an
 *                      archive is restored into another shop
 * @param maxArchiveSize the largest archive a restore reads (it is read whole and checked before anything changes)
 * @param shopProfile   table → columns holding the shop's own profile as auth-service publishes it (name, state,
 *                      GSTIN): a restore into another shop keeps that shop's values there
 */
@ConfigurationProperties("kirana.backup")
public record BackupProperties(String path, String schema, String historyTable, List<String> exclude, String peopleColumns,
                               DataSize maxArchiveSize, java.util.Map<String, List<String>> shopProfile) {
    public BackupProperties {
        schema = schema == null || schema.isBlank() ? "public" : schema;
        historyTable = historyTable == null || historyTable.isBlank() ? "flyway_schema_history" : historyTable;
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        peopleColumns = peopleColumns == null || peopleColumns.isBlank() ? ".*_by|actor|user_id|cashier_id" : peopleColumns;
        maxArchiveSize = maxArchiveSize == null ? DataSize.ofMegabytes(256) : maxArchiveSize;
        shopProfile = shopProfile == null ? java.util.Map.of() : java.util.Map.copyOf(shopProfile);
    }
}
