package dev.kirana.backup;

import dev.kirana.web.problem.Problems;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shop's rows of one service as an archive, and back. The backup reads every table of the shop (see
 * {@link ShopSchema}) in one {@code REPEATABLE READ, READ ONLY} transaction, so the archive is one consistent moment of
 * the service; it is a zip of one NDJSON file per table (each row's columns in PostgreSQL's own text form, so numbers,
 * times and JSON come back exactly) and {@code manifest.json} ({@link BackupManifest}).
 *
 * <p>A restore checks the archive whole (every file's SHA-256 and row count, the service, the format and schema
 * versions) before it touches anything, then in one transaction deletes the target shop's rows and inserts the
 * archive's. Into another shop id, every identifier of the shop's rows is replaced by a name-based UUID of (new shop,
 * old id) — the same in every service, so an order id in accounting's journal still names the order in order-service —
 * and sequence-numbered keys take new numbers; columns naming people (users are shared across shops) keep their values.
 *
 * <p>Blocking JDBC: call it off the event loop.
 */
public class ShopBackup {
    public static final int FORMAT_VERSION = 1;
    static final String MANIFEST = "manifest.json";
    private static final Logger log = LoggerFactory.getLogger(ShopBackup.class);
    private static final Pattern UUID_TEXT = Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final JsonMapper JSON = JsonMapper.builder().disable(SerializationFeature.INDENT_OUTPUT).build();
    private static final TypeReference<LinkedHashMap<String, String>> ROW = new TypeReference<>() {
    };

    private final DataSource dataSource;
    private final String service;
    private final String schema;
    private final String historyTable;
    private final Set<String> excluded;
    private final Pattern peopleColumns;
    private final Map<String, List<String>> shopProfile;
    private final Clock clock;

    /**
     * @param schema        the schema holding the service's tables
     * @param historyTable  its migration history table (the schema version comes from there)
     * @param excluded      tables left out although they have a shop_id (credentials, tokens)
     * @param peopleColumns columns whose UUIDs name users (shared across shops), kept as they are in another shop
     */
    public ShopBackup(DataSource dataSource, String service, String schema, String historyTable, Set<String> excluded,
                      Pattern peopleColumns, Clock clock) {
        this(dataSource, service, schema, historyTable, excluded, peopleColumns, Map.of(), clock);
    }

    /**
     * @param shopProfile table → columns that describe the shop itself as auth-service publishes it (name, state, GSTIN):
     *                    a restore into another shop keeps that shop's own values there
     */
    public ShopBackup(DataSource dataSource, String service, String schema, String historyTable, Set<String> excluded,
                      Pattern peopleColumns, Map<String, List<String>> shopProfile, Clock clock) {
        this.shopProfile = Map.copyOf(shopProfile);
        this.dataSource = dataSource;
        this.service = service;
        this.schema = schema;
        this.historyTable = historyTable;
        this.excluded = Set.copyOf(excluded);
        this.peopleColumns = peopleColumns;
        this.clock = clock;
    }

    public String service() {
        return service;
    }

    /** Writes the shop's archive to {@code out} (not closed). */
    public BackupManifest backup(String shopId, OutputStream out) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            c.setReadOnly(true);
            try {
                ShopSchema shop = ShopSchema.read(c, schema, excluded);
                String version = schemaVersion(c);
                Instant takenAt = clock.instant();
                List<BackupManifest.TableFile> files = new ArrayList<>();
                ZipOutputStream zip = new ZipOutputStream(nonClosing(out), StandardCharsets.UTF_8);
                for (ShopSchema.Table t : shop.tables()) {
                    String file = "tables/" + t.name() + ".ndjson";
                    zip.putNextEntry(new ZipEntry(file));
                    MessageDigest sha = sha256();
                    long rows = 0;
                    // the stored columns: a generated one is computed again on insert
                    String columns = String.join(", ", t.columns().stream().map(col -> "t." + quote(col.name())).toList());
                    try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + qualified(t.name()) + " t WHERE "
                            + t.filter() + order(t))) {
                        ps.setFetchSize(500);
                        bindShop(ps, t.filter(), shopId);
                        try (ResultSet rs = ps.executeQuery()) {
                            int n = rs.getMetaData().getColumnCount();
                            while (rs.next()) {
                                Map<String, String> row = new LinkedHashMap<>();
                                for (int i = 1; i <= n; i++) {
                                    row.put(rs.getMetaData().getColumnName(i), rs.getString(i));
                                }
                                byte[] line = (JSON.writeValueAsString(row) + "\n").getBytes(StandardCharsets.UTF_8);
                                sha.update(line);
                                zip.write(line);
                                rows++;
                            }
                        }
                    }
                    zip.closeEntry();
                    files.add(new BackupManifest.TableFile(t.name(), file, rows, HexFormat.of().formatHex(sha.digest())));
                }
                BackupManifest manifest = new BackupManifest(FORMAT_VERSION, service, version, shopId, takenAt, files, consumers(c));
                zip.putNextEntry(new ZipEntry(MANIFEST));
                zip.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(manifest));
                zip.closeEntry();
                zip.finish();
                zip.flush();
                log.info("backup of shop {} in {}: {} rows of {} tables, schema version {}", shopId, service, manifest.rows(),
                        files.size(), version);
                return manifest;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("backup of shop " + shopId + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What a restore did. */
    public record RestoreResult(String service, String fromShop, String intoShop, long deletedRows, long restoredRows,
                                BackupManifest manifest) {
    }

    /**
     * Restores an archive into {@code targetShop}, which must have no rows here unless {@code replace}.
     * Refuses (a 4xx problem) an archive that is damaged, of another service, of a newer format or schema.
     */
    public RestoreResult restore(String targetShop, InputStream archive, boolean replace) {
        Archive a = Archive.read(archive);
        BackupManifest m = a.manifest;
        if (m.formatVersion() > FORMAT_VERSION) {
            throw Problems.unprocessable("backup-format", "The archive has format version " + m.formatVersion()
                    + "; this service reads up to version " + FORMAT_VERSION);
        }
        if (!service.equals(m.service())) {
            throw Problems.unprocessable("backup-service", "The archive is a backup of " + m.service() + ", not of " + service);
        }
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String version = schemaVersion(c);
                if (compareVersions(m.schemaVersion(), version) > 0) {
                    throw Problems.unprocessable("backup-schema", "The archive is of schema version " + m.schemaVersion()
                            + ", newer than this service's " + version + "; upgrade the service first");
                }
                ShopSchema shop = ShopSchema.read(c, schema, excluded);
                for (BackupManifest.TableFile f : m.tables()) {
                    if (shop.table(f.table()) == null) {
                        throw Problems.unprocessable("backup-schema", "The archive holds table " + f.table() + ", which this service does not back up");
                    }
                }
                long existing = 0;
                for (ShopSchema.Table t : shop.tables()) {
                    existing += count(c, t, targetShop);
                }
                if (existing > 0 && !replace) {
                    throw Problems.conflict("Shop " + targetShop + " has " + existing + " rows in " + service
                            + "; restore with replace=true to replace them with the archive's");
                }
                Remap remap = m.shopId().equals(targetShop) ? null : new Remap(m.shopId(), targetShop);
                Map<String, Map<String, String>> profile = remap == null ? Map.of() : profile(c, shop, targetShop);
                long deleted = delete(c, shop, targetShop);
                long restored = insert(c, shop, a, remap);
                keepProfile(c, shop, targetShop, profile);
                c.commit();
                log.info("restore of shop {} in {} from a backup of shop {} taken at {}: {} rows replaced by {}",
                        targetShop, service, m.shopId(), m.takenAt(), deleted, restored);
                return new RestoreResult(service, m.shopId(), targetShop, deleted, restored, m);
            } catch (RuntimeException | SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("restore into shop " + targetShop + " failed: " + e.getMessage(), e);
        }
    }

    /** The target shop's own profile columns, before they are replaced: table → column → value. */
    private Map<String, Map<String, String>> profile(Connection c, ShopSchema shop, String shopId) throws SQLException {
        Map<String, Map<String, String>> values = new HashMap<>();
        for (Map.Entry<String, List<String>> e : shopProfile.entrySet()) {
            ShopSchema.Table t = shop.table(e.getKey());
            if (t == null) {
                continue;
            }
            String columns = String.join(", ", e.getValue().stream().map(ShopBackup::quote).toList());
            try (PreparedStatement ps = c.prepareStatement("SELECT " + columns + " FROM " + qualified(t.name()) + " t WHERE " + t.filter())) {
                bindShop(ps, t.filter(), shopId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (rs.next()) {
                        Map<String, String> row = new LinkedHashMap<>();
                        for (int i = 0; i < e.getValue().size(); i++) {
                            row.put(e.getValue().get(i), rs.getString(i + 1));
                        }
                        values.put(t.name(), row);
                    }
                }
            }
        }
        return values;
    }

    private void keepProfile(Connection c, ShopSchema shop, String shopId, Map<String, Map<String, String>> profile) throws SQLException {
        for (Map.Entry<String, Map<String, String>> e : profile.entrySet()) {
            ShopSchema.Table t = shop.table(e.getKey());
            List<String> names = new ArrayList<>(e.getValue().keySet());
            String set = String.join(", ", names.stream().map(n -> quote(n) + " = CAST(? AS " + t.column(n).type() + ")").toList());
            try (PreparedStatement ps = c.prepareStatement("UPDATE " + qualified(t.name()) + " t SET " + set + " WHERE "
                    + t.filter())) {
                int i = 1;
                for (String n : names) {
                    ps.setString(i++, e.getValue().get(n));
                }
                int n = (int) t.filter().chars().filter(ch -> ch == '?').count();
                for (int j = 0; j < n; j++) {
                    ps.setString(i++, shopId);
                }
                if (ps.executeUpdate() == 0 && t.column("shop_id") != null) {
                    // the archive had no such row: the shop's own comes back
                    try (PreparedStatement insert = c.prepareStatement("INSERT INTO " + qualified(t.name()) + " (shop_id, "
                            + String.join(", ", names.stream().map(ShopBackup::quote).toList()) + ") VALUES (CAST(? AS "
                            + t.column("shop_id").type() + ")"
                            + String.join("", names.stream().map(x -> ", CAST(? AS " + t.column(x).type() + ")").toList()) + ")")) {
                        insert.setString(1, shopId);
                        int k = 2;
                        for (String x : names) {
                            insert.setString(k++, e.getValue().get(x));
                        }
                        insert.executeUpdate();
                    }
                }
            }
        }
    }

    private long delete(Connection c, ShopSchema shop, String shopId) throws SQLException {
        List<ShopSchema.Table> reversed = new ArrayList<>(shop.tables());
        java.util.Collections.reverse(reversed);
        List<String> rules = shop.deleteRules(c);
        try (Statement s = c.createStatement()) {
            // an append-only table (DO INSTEAD NOTHING on DELETE) lets a restore replace the shop's rows: the rule is off
            // for this transaction only, and the table locked meanwhile
            for (String rule : rules) {
                String[] tr = rule.split("\\.", 2);
                s.execute("ALTER TABLE " + qualified(tr[0]) + " DISABLE RULE " + quote(tr[1]));
            }
        }
        long deleted = 0;
        for (ShopSchema.Table t : reversed) {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + qualified(t.name()) + " t WHERE " + t.filter())) {
                bindShop(ps, t.filter(), shopId);
                deleted += ps.executeUpdate();
            }
        }
        try (Statement s = c.createStatement()) {
            for (String rule : rules) {
                String[] tr = rule.split("\\.", 2);
                s.execute("ALTER TABLE " + qualified(tr[0]) + " ENABLE RULE " + quote(tr[1]));
            }
        }
        return deleted;
    }

    private long insert(Connection c, ShopSchema shop, Archive a, Remap remap) throws SQLException {
        long restored = 0;
        // new numbers for sequence-numbered keys in another shop: table → old value → new value
        Map<String, Map<String, String>> renumbered = new HashMap<>();
        for (ShopSchema.Table t : shop.tables()) {
            List<Map<String, String>> rows = parentsFirst(t, a.rows(t.name()));
            if (rows.isEmpty()) {
                continue;
            }
            List<String> names = new ArrayList<>(rows.get(0).keySet());
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(qualified(t.name())).append(" (");
            StringBuilder values = new StringBuilder();
            for (int i = 0; i < names.size(); i++) {
                ShopSchema.Column col = t.column(names.get(i));
                if (col == null) {
                    throw Problems.unprocessable("backup-schema", "The archive's table " + t.name() + " has a column " + names.get(i)
                            + " this service's table does not");
                }
                sql.append(i == 0 ? "" : ", ").append(quote(col.name()));
                values.append(i == 0 ? "" : ", ").append("CAST(? AS ").append(col.type()).append(")");
            }
            sql.append(") VALUES (").append(values).append(")");
            Map<String, String> numbers = new HashMap<>();
            renumbered.put(t.name(), numbers);
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                for (Map<String, String> row : rows) {
                    for (int i = 0; i < names.size(); i++) {
                        String name = names.get(i);
                        String value = row.get(name);
                        if (remap != null && value != null) {
                            ShopSchema.Reference ref = t.references().get(name);
                            if (name.equals(t.serialKey())) {
                                String fresh = nextValue(c, t.sequence());
                                numbers.put(value, fresh);
                                value = fresh;
                            } else if (ref != null && renumbered.containsKey(ref.table()) && ref.column().equals(shop.table(ref.table()).serialKey())) {
                                value = renumbered.get(ref.table()).getOrDefault(value, value);
                            } else if (!peopleColumns.matcher(name).matches()) {
                                value = remap.apply(t.column(name), value);
                            }
                        }
                        ps.setString(i + 1, value);
                    }
                    ps.addBatch();
                    restored++;
                }
                ps.executeBatch();
            }
        }
        return restored;
    }

    /**
     * A table referencing itself (a party merged into another, an entry reversing another): each row after the row it
     * references, so that every insert finds its parent.
     */
    static List<Map<String, String>> parentsFirst(ShopSchema.Table t, List<Map<String, String>> rows) {
        List<Map.Entry<String, ShopSchema.Reference>> self = t.references().entrySet().stream()
                .filter(e -> e.getValue().table().equals(t.name())).toList();
        if (self.isEmpty() || rows.size() < 2) {
            return rows;
        }
        java.util.Set<String> keys = new java.util.HashSet<>();
        for (Map.Entry<String, ShopSchema.Reference> e : self) {
            for (Map<String, String> row : rows) {
                keys.add(e.getValue().column() + "=" + row.get(e.getValue().column()));
            }
        }
        List<Map<String, String>> pending = new ArrayList<>(rows);
        List<Map<String, String>> ordered = new ArrayList<>(rows.size());
        java.util.Set<String> placed = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            int before = pending.size();
            for (java.util.Iterator<Map<String, String>> it = pending.iterator(); it.hasNext(); ) {
                Map<String, String> row = it.next();
                boolean ready = true;
                for (Map.Entry<String, ShopSchema.Reference> e : self) {
                    String ref = row.get(e.getKey());
                    String key = e.getValue().column() + "=" + ref;
                    if (ref != null && keys.contains(key) && !placed.contains(key) && !ref.equals(row.get(e.getValue().column()))) {
                        ready = false;
                    }
                }
                if (ready) {
                    ordered.add(row);
                    for (Map.Entry<String, ShopSchema.Reference> e : self) {
                        placed.add(e.getValue().column() + "=" + row.get(e.getValue().column()));
                    }
                    it.remove();
                }
            }
            if (pending.size() == before) {
                ordered.addAll(pending); // a cycle: the database will say which row
                break;
            }
        }
        return ordered;
    }

    /** Every UUID of the old shop's rows becomes a name-based UUID of (new shop, old UUID); the shop id the new one. */
    static final class Remap {
        private final String from;
        private final String into;

        Remap(String from, String into) {
            this.from = from;
            this.into = into;
        }

        String id(String old) {
            if (old.equalsIgnoreCase(from)) {
                return into;
            }
            return UUID.nameUUIDFromBytes((into + "/" + old.toLowerCase(java.util.Locale.ROOT)).getBytes(StandardCharsets.UTF_8)).toString();
        }

        String apply(ShopSchema.Column column, String value) {
            if (value.equals(from)) {
                return into;
            }
            if (column.uuid()) {
                return id(value);
            }
            if (column.text() || column.type().endsWith("[]")) {
                Matcher m = UUID_TEXT.matcher(value);
                StringBuilder out = new StringBuilder();
                while (m.find()) {
                    m.appendReplacement(out, id(m.group()));
                }
                m.appendTail(out);
                return out.toString();
            }
            return value;
        }
    }

    private static String nextValue(Connection c, String sequence) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT nextval(CAST(? AS regclass))::text")) {
            ps.setString(1, sequence);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private long count(Connection c, ShopSchema.Table t, String shopId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM " + qualified(t.name()) + " t WHERE " + t.filter())) {
            bindShop(ps, t.filter(), shopId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String schemaVersion(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT version FROM " + qualified(historyTable)
                + " WHERE success AND version IS NOT NULL ORDER BY installed_rank")) {
            String last = "0";
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (compareVersions(rs.getString(1), last) > 0) {
                        last = rs.getString(1);
                    }
                }
            }
            return last;
        }
    }

    private List<BackupManifest.ConsumerPosition> consumers(Connection c) throws SQLException {
        List<BackupManifest.ConsumerPosition> positions = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            ps.setString(1, qualified("kirana_inbox"));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                if (!rs.getBoolean(1)) {
                    return positions;
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT consumer, count(*), max(processed_at) FROM " + qualified("kirana_inbox")
                + " GROUP BY consumer ORDER BY consumer")) {
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    positions.add(new BackupManifest.ConsumerPosition(rs.getString(1), rs.getLong(2),
                            rs.getTimestamp(3) == null ? null : rs.getTimestamp(3).toInstant()));
                }
            }
        }
        return positions;
    }

    /** "2.1" &lt; "10": numeric, part by part. */
    static int compareVersions(String a, String b) {
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            long p = i < x.length ? Long.parseLong(x[i]) : 0;
            long q = i < y.length ? Long.parseLong(y[i]) : 0;
            if (p != q) {
                return Long.compare(p, q);
            }
        }
        return 0;
    }

    private static void bindShop(PreparedStatement ps, String filter, String shopId) throws SQLException {
        int n = (int) filter.chars().filter(ch -> ch == '?').count();
        for (int i = 1; i <= n; i++) {
            ps.setString(i, shopId);
        }
    }

    private String order(ShopSchema.Table t) {
        return t.serialKey() != null ? " ORDER BY t." + quote(t.serialKey()) : "";
    }

    private String qualified(String table) {
        return quote(schema) + "." + quote(table);
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OutputStream nonClosing(OutputStream out) {
        return new java.io.FilterOutputStream(out) {
            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                out.write(b, off, len);
            }

            @Override
            public void close() throws IOException {
                flush();
            }
        };
    }

    /** A read and checked archive: the manifest, and each table file's rows once its digest matched. */
    static final class Archive {
        final BackupManifest manifest;
        private final Map<String, byte[]> files;

        private Archive(BackupManifest manifest, Map<String, byte[]> files) {
            this.manifest = manifest;
            this.files = files;
        }

        static Archive read(InputStream in) {
            Map<String, byte[]> files = new HashMap<>();
            byte[] manifestBytes = null;
            try (ZipInputStream zip = new ZipInputStream(in, StandardCharsets.UTF_8)) {
                ZipEntry e;
                while ((e = zip.getNextEntry()) != null) {
                    ByteArrayOutputStream buf = new ByteArrayOutputStream();
                    zip.transferTo(buf);
                    if (e.getName().equals(MANIFEST)) {
                        manifestBytes = buf.toByteArray();
                    } else {
                        files.put(e.getName(), buf.toByteArray());
                    }
                }
            } catch (IOException | IllegalArgumentException e) {
                throw Problems.badRequest("The body is not a readable backup archive (a zip): " + e.getMessage());
            }
            if (manifestBytes == null) {
                throw Problems.badRequest("The archive has no " + MANIFEST + "; it is not a Kirana shop backup");
            }
            BackupManifest manifest;
            try {
                manifest = JSON.readValue(manifestBytes, BackupManifest.class);
            } catch (RuntimeException e) {
                throw Problems.badRequest("The archive's " + MANIFEST + " is not readable: " + e.getMessage());
            }
            if (manifest.tables() == null || manifest.shopId() == null || manifest.service() == null || manifest.schemaVersion() == null) {
                throw Problems.badRequest("The archive's " + MANIFEST + " lacks its service, shop, schema version or tables");
            }
            for (BackupManifest.TableFile f : manifest.tables()) {
                byte[] bytes = files.get(f.file());
                if (bytes == null) {
                    throw Problems.unprocessable("backup-damaged", "The archive lacks " + f.file() + ", which its manifest lists");
                }
                String digest = HexFormat.of().formatHex(sha256().digest(bytes));
                if (!digest.equalsIgnoreCase(f.sha256())) {
                    throw Problems.unprocessable("backup-damaged", "The SHA-256 of " + f.file() + " is " + digest
                            + ", not the manifest's " + f.sha256() + ": the archive is damaged or was changed");
                }
            }
            return new Archive(manifest, files);
        }

        List<Map<String, String>> rows(String table) {
            BackupManifest.TableFile f = manifest.tables().stream().filter(t -> t.table().equals(table)).findFirst().orElse(null);
            if (f == null) {
                return List.of();
            }
            List<Map<String, String>> rows = new ArrayList<>();
            for (String line : new String(files.get(f.file()), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    rows.add(JSON.readValue(line, ROW));
                }
            }
            if (rows.size() != f.rows()) {
                throw Problems.unprocessable("backup-damaged", f.file() + " has " + rows.size() + " rows, not the manifest's " + f.rows());
            }
            return rows;
        }
    }
}
