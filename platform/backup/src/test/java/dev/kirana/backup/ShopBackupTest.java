package dev.kirana.backup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.testing.DatabaseCoordinates;
import dev.kirana.testing.TestInfrastructure;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.web.ErrorResponseException;

/**
 * A small schema shaped like the services' (UUID keys, a child table without shop_id, a sequence-numbered append-only
 * ledger with rows referencing it, a column naming a user, numbers and JSON), against the real PostgreSQL.
 */
class ShopBackupTest {
    static final String A = "6f1c9a8e-0000-4000-8000-00000000000a";
    static final String B = "6f1c9a8e-0000-4000-8000-00000000000b";
    static final String USER = "11111111-2222-4333-8444-555555555555";
    static PGSimpleDataSource ds;
    static ShopBackup backup;

    @BeforeAll
    static void schema() throws SQLException {
        DatabaseCoordinates db = TestInfrastructure.get().database("backup_" + UUID.randomUUID().toString().substring(0, 8));
        ds = new PGSimpleDataSource();
        ds.setUrl(db.jdbcUrl());
        ds.setUser(db.user());
        ds.setPassword(db.password());
        sql("""
                CREATE TABLE flyway_schema_history (installed_rank INT PRIMARY KEY, version TEXT, success BOOLEAN NOT NULL);
                INSERT INTO flyway_schema_history VALUES (1, '1', true), (2, '2', true), (3, '10', true);
                CREATE TABLE kirana_inbox (consumer TEXT, event_id TEXT, event_type TEXT, processed_at TIMESTAMPTZ DEFAULT now(),
                    PRIMARY KEY (consumer, event_id));
                INSERT INTO kirana_inbox (consumer, event_id, event_type) VALUES ('stock', 'e1', 't'), ('stock', 'e2', 't');
                CREATE TABLE orders (id UUID PRIMARY KEY, shop_id TEXT NOT NULL, total NUMERIC(14, 2) NOT NULL,
                    cashier_id TEXT NOT NULL, note TEXT, meta JSONB, placed_at TIMESTAMPTZ NOT NULL);
                CREATE TABLE order_lines (order_id UUID NOT NULL REFERENCES orders (id), line_no INT NOT NULL,
                    qty NUMERIC(14, 3) NOT NULL, twice NUMERIC(14, 3) GENERATED ALWAYS AS (qty * 2) STORED,
                    PRIMARY KEY (order_id, line_no));
                CREATE TABLE ledger (id BIGSERIAL PRIMARY KEY, shop_id UUID NOT NULL, order_id UUID REFERENCES orders (id),
                    amount NUMERIC(14, 2) NOT NULL);
                CREATE RULE ledger_no_delete AS ON DELETE TO ledger DO INSTEAD NOTHING;
                CREATE TABLE ledger_lots (ledger_id BIGINT NOT NULL REFERENCES ledger (id), lot TEXT NOT NULL);
                CREATE TABLE secrets (shop_id TEXT NOT NULL, secret TEXT NOT NULL);
                CREATE TABLE shops (shop_id TEXT PRIMARY KEY, name TEXT, invoice_prefix TEXT NOT NULL);
                ALTER TABLE orders ADD COLUMN replaces UUID REFERENCES orders (id);
                CREATE TABLE order_notes (order_id UUID REFERENCES orders (id), ledger_id BIGINT REFERENCES ledger (id),
                    body TEXT NOT NULL);
                """);
        backup = new ShopBackup(ds, "test-service", "public", "flyway_schema_history", Set.of("secrets"),
                Pattern.compile(".*_by|actor|user_id|cashier_id"), Map.of("shops", List.of("name")), Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC));
    }

    static String order(String shop, String id, String total) throws SQLException {
        sql("INSERT INTO orders VALUES ('" + id + "', '" + shop + "', " + total + ", '" + USER + "', 'refund of " + id
                + "', '{\"order\": \"" + id + "\", \"k\": [1.50]}', '2026-11-30T09:15:00.123456+05:30')");
        sql("INSERT INTO order_lines VALUES ('" + id + "', 1, 2.500), ('" + id + "', 2, 1.000)");
        sql("INSERT INTO ledger (shop_id, order_id, amount) VALUES ('" + shop + "', '" + id + "', " + total + ")");
        sql("INSERT INTO ledger_lots SELECT max(id), 'LOT-1' FROM ledger");
        sql("INSERT INTO secrets VALUES ('" + shop + "', 'hash')");
        return id;
    }

    static String newShop() {
        return UUID.randomUUID().toString();
    }

    @Test
    void backsUpTheShopsRowsAndRestoresThemAfterTheyAreLost() throws Exception {
        String shop = newShop();
        String o1 = order(shop, UUID.randomUUID().toString(), "245.50");
        String o2 = order(shop, UUID.randomUUID().toString(), "99.99");
        String other = newShop();
        order(other, UUID.randomUUID().toString(), "10.00");
        // o2 replaces o1, and o1 is rewritten after it (a scan finds o2 first): a restore inserts o1 first all the same
        sql("UPDATE orders SET replaces = '" + o1 + "' WHERE id = '" + o2 + "'");
        sql("UPDATE orders SET note = note || '.' WHERE id = '" + o1 + "'");
        // notes reach the shop by either of two references
        sql("INSERT INTO order_notes VALUES ('" + o1 + "', NULL, 'by order'), (NULL, (SELECT max(id) FROM ledger WHERE order_id = '"
                + o2 + "'), 'by ledger row')");
        List<String> before = snapshot(shop);

        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        BackupManifest m = backup.backup(shop, zip);
        assertThat(m.formatVersion()).isEqualTo(1);
        assertThat(m.schemaVersion()).isEqualTo("10");
        assertThat(m.shopId()).isEqualTo(shop);
        // 2 orders, 4 lines, 2 ledger rows, 2 lots; secrets are left out, the inbox is machinery
        assertThat(m.tables()).extracting(BackupManifest.TableFile::table).containsExactly("orders", "ledger", "shops", "ledger_lots",
                "order_lines", "order_notes");
        // 2 orders, 4 lines, 2 ledger rows, 2 lots, 2 notes
        assertThat(m.rows()).isEqualTo(12);
        assertThat(m.consumers()).singleElement().satisfies(p -> assertThat(p.handledEvents()).isEqualTo(2));

        // loss: a restore into a shop with data needs replace=true
        assertThatThrownBy(() -> backup.restore(shop, new ByteArrayInputStream(zip.toByteArray()), false))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
        sql("UPDATE orders SET total = 1 WHERE id = '" + o1 + "'");
        sql("DELETE FROM order_lines WHERE order_id = '" + o2 + "'");
        ShopBackup.RestoreResult r = backup.restore(shop, new ByteArrayInputStream(zip.toByteArray()), true);
        assertThat(r.restoredRows()).isEqualTo(12);
        // 2 orders + 2 lines left of o1 + 2 ledger (the append-only rule is off for the restore only) + 2 lots + 2 notes
        assertThat(r.deletedRows()).isEqualTo(10);
        assertThat(snapshot(shop)).isEqualTo(before);
        assertThat(count("SELECT count(*) FROM orders WHERE shop_id = '" + other + "'")).isEqualTo(1);
        // the ledger is append-only again
        sql("DELETE FROM ledger WHERE shop_id = '" + shop + "'");
        assertThat(count("SELECT count(*) FROM ledger WHERE shop_id = '" + shop + "'")).isEqualTo(2);
    }

    @Test
    void restoresIntoAnotherShopWithNewIdentifiersThatStillReferenceEachOther() throws Exception {
        String shop = newShop();
        String o1 = order(shop, UUID.randomUUID().toString(), "245.50");
        sql("INSERT INTO shops VALUES ('" + shop + "', 'Lata Stores', 'LS')");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        backup.backup(shop, zip);
        String into = newShop();
        sql("INSERT INTO shops VALUES ('" + into + "', 'Gopal Traders', 'INV')");

        // a new shop has its own row already (as a shop just opened does): replaced on request
        assertThatThrownBy(() -> backup.restore(into, new ByteArrayInputStream(zip.toByteArray()), false))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(409));
        backup.restore(into, new ByteArrayInputStream(zip.toByteArray()), true);
        String newId = UUID.nameUUIDFromBytes((into + "/" + o1).getBytes(StandardCharsets.UTF_8)).toString();
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT id, total::text, cashier_id, note, meta->>'order' FROM orders WHERE shop_id = '" + into + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo(newId);
            assertThat(rs.getString(2)).isEqualTo("245.50");
            assertThat(rs.getString(3)).as("users are shared across shops").isEqualTo(USER);
            assertThat(rs.getString(4)).isEqualTo("refund of " + newId);
            assertThat(rs.getString(5)).isEqualTo(newId);
            assertThat(rs.next()).isFalse();
        }
        // lines follow their order; the ledger row has a new number and its lot follows it
        assertThat(count("SELECT count(*) FROM order_lines WHERE order_id = '" + newId + "'")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM ledger l JOIN ledger_lots x ON x.ledger_id = l.id WHERE l.shop_id = '" + into
                + "' AND l.order_id = '" + newId + "'")).isEqualTo(1);
        // the shop's own name (auth-service's) stays; its settings are the archive's
        try (Connection c = ds.getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT name, invoice_prefix FROM shops WHERE shop_id = '" + into + "'")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("Gopal Traders");
            assertThat(rs.getString(2)).isEqualTo("LS");
        }
        // the original shop is untouched
        assertThat(count("SELECT count(*) FROM ledger l JOIN ledger_lots x ON x.ledger_id = l.id WHERE l.shop_id = '" + shop + "'")).isEqualTo(1);
    }

    @Test
    void refusesATamperedArchiveAnotherServicesAndANewerFormat() throws Exception {
        String shop = newShop();
        order(shop, UUID.randomUUID().toString(), "50.00");
        ByteArrayOutputStream zip = new ByteArrayOutputStream();
        backup.backup(shop, zip);

        byte[] tampered = rewrite(zip.toByteArray(), "tables/orders.ndjson", s -> s.replace("50.00", "5000.00"));
        assertThatThrownBy(() -> backup.restore(shop, new ByteArrayInputStream(tampered), true))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> {
                    assertThat(e.getStatusCode().value()).isEqualTo(422);
                    assertThat(e.getBody().getDetail()).contains("SHA-256 of tables/orders.ndjson");
                });
        byte[] newer = rewrite(zip.toByteArray(), "manifest.json", s -> s.replace("\"formatVersion\" : 1", "\"formatVersion\" : 2"));
        assertThatThrownBy(() -> backup.restore(shop, new ByteArrayInputStream(newer), true))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getBody().getDetail()).contains("format version 2"));
        byte[] otherService = rewrite(zip.toByteArray(), "manifest.json", s -> s.replace("test-service", "order-service"));
        assertThatThrownBy(() -> backup.restore(shop, new ByteArrayInputStream(otherService), true))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getBody().getDetail()).contains("backup of order-service"));
        byte[] newerSchema = rewrite(zip.toByteArray(), "manifest.json", s -> s.replace("\"schemaVersion\" : \"10\"", "\"schemaVersion\" : \"11\""));
        assertThatThrownBy(() -> backup.restore(shop, new ByteArrayInputStream(newerSchema), true))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getBody().getDetail()).contains("schema version 11"));
        assertThatThrownBy(() -> backup.restore(shop, new ByteArrayInputStream("not a zip".getBytes(StandardCharsets.UTF_8)), true))
                .isInstanceOfSatisfying(ErrorResponseException.class, e -> assertThat(e.getStatusCode().value()).isEqualTo(400));
        // nothing changed
        assertThat(count("SELECT count(*) FROM orders WHERE shop_id = '" + shop + "' AND total = 50.00")).isEqualTo(1);
    }

    @Test
    void comparesSchemaVersionsNumerically() {
        assertThat(ShopBackup.compareVersions("10", "2")).isPositive();
        assertThat(ShopBackup.compareVersions("2.1", "2.10")).isNegative();
        assertThat(ShopBackup.compareVersions("3", "3.0")).isZero();
    }

    static byte[] rewrite(byte[] zip, String entry, java.util.function.UnaryOperator<String> change) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip)); ZipOutputStream z = new ZipOutputStream(out)) {
            ZipEntry e;
            while ((e = in.getNextEntry()) != null) {
                byte[] bytes = in.readAllBytes();
                if (e.getName().equals(entry)) {
                    String changed = change.apply(new String(bytes, StandardCharsets.UTF_8));
                    assertThat(changed).as("the test changes " + entry).isNotEqualTo(new String(bytes, StandardCharsets.UTF_8));
                    bytes = changed.getBytes(StandardCharsets.UTF_8);
                }
                z.putNextEntry(new ZipEntry(e.getName()));
                z.write(bytes);
                z.closeEntry();
            }
        }
        return out.toByteArray();
    }

    static List<String> snapshot(String shop) throws SQLException {
        List<String> rows = new ArrayList<>();
        for (String q : List.of(
                "SELECT id || '|' || total || '|' || cashier_id || '|' || note || '|' || meta::text || '|' || placed_at FROM orders WHERE shop_id = ? ORDER BY id",
                "SELECT l.order_id || '|' || l.line_no || '|' || l.qty || '|' || l.twice FROM order_lines l JOIN orders o ON o.id = l.order_id WHERE o.shop_id = ? ORDER BY 1",
                "SELECT id || '|' || order_id || '|' || amount FROM ledger WHERE shop_id::text = ? ORDER BY id",
                "SELECT x.ledger_id || '|' || x.lot FROM ledger_lots x JOIN ledger l ON l.id = x.ledger_id WHERE l.shop_id::text = ? ORDER BY 1",
                "SELECT coalesce(o.id::text, '') || '|' || coalesce(replaces::text, '') FROM orders o WHERE o.shop_id = ? ORDER BY 1",
                "SELECT n.body FROM order_notes n LEFT JOIN orders o ON o.id = n.order_id LEFT JOIN ledger l ON l.id = n.ledger_id"
                        + " WHERE coalesce(o.shop_id, l.shop_id::text) = ? ORDER BY 1")) {
            try (Connection c = ds.getConnection(); var ps = c.prepareStatement(q)) {
                ps.setString(1, shop);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(rs.getString(1));
                    }
                }
            }
        }
        assertThat(rows).isNotEmpty();
        return rows;
    }

    static long count(String q) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(q)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void sql(String script) throws SQLException {
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute(script);
        }
    }
}
