package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.kirana.localstack.KiranaStack;
import dev.kirana.localstack.backup.ShopBackupClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A busy shop is backed up with the launcher's backup client, its data is lost (every row of the shop deleted from
 * every service's database), restored, and every figure the owner reads is as before; then the same backup is
 * restored into another owner's new shop, whose figures are the same too.
 *
 * <p>The shop, by hand. Two products received at ₹40.00 each: A (₹48.00 MRP, GST 5 %) × 10, B (₹120.00) × 5.
 * <pre>
 *   cash sale   2 A   96.00      UPI sale   1 B  120.00      credit sale (khata)  1 A  48.00
 *   refund of the UPI sale: B back on the shelf, 120.00 to UPI
 *   khata: 48.00 owed, 20.00 paid in cash → 28.00
 *   expense: electricity 500.00 in cash
 *   stock: A 10 − 2 − 1 = 7, B 5 − 1 + 1 = 5; value 12 × 40.00 = 480.00
 *   sales: 3, gross 264.00, refunded 120.00, net 144.00; cost 3 × 40 + 40 − 40 = 120.00
 * </pre>
 */
@Order(12)
class ShopBackupIT {
    static final ZoneId INDIA = ZoneId.of("Asia/Kolkata");
    static final Pattern UUID_TEXT = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    static final List<String> DATABASES = List.of("kirana_catalog", "kirana_inventory", "kirana_order", "kirana_accounting",
            "kirana_reporting");

    @TempDir
    Path backups;

    @Test
    void aBusyShopIsBackedUpLostRestoredAndRestoredIntoANewShop() throws Exception {
        KiranaStack stack = SuiteUnderTest.get();
        Http http = new Http(stack.gatewayUrl());
        Journeys.NewShop shop = Journeys.openShop(http, "Lata", "Lata Stores");
        String owner = shop.owner();
        String a = Journeys.stockedProduct(http, owner, "48.00", 10);
        String b = Journeys.stockedProduct(http, owner, "120.00", 5);
        Journeys.sellConfirmed(http, shop.cashier(), Map.of("lines", List.of(Map.of("productId", a, "quantity", "2")),
                "tenders", List.of(Map.of("type", "CASH", "amount", "100"))));
        JsonNode upi = Journeys.sellConfirmed(http, shop.cashier(), Map.of("lines", List.of(Map.of("productId", b, "quantity", "1")),
                "tenders", List.of(Map.of("type", "UPI", "amount", "120.00", "reference", "UTR" + shop.tag()))));
        String phone = "98" + (10000000L + ThreadLocalRandom.current().nextLong(89999999L));
        Journeys.sellConfirmed(http, shop.cashier(), Map.of("lines", List.of(Map.of("productId", a, "quantity", "1")),
                "customer", Map.of("name", "Meena " + shop.tag(), "phone", phone),
                "tenders", List.of(Map.of("type", "CREDIT", "amount", "48.00"))));
        Http.Response refund = http.postIdempotent("/api/v1/orders/" + upi.get("id").asString() + "/refunds", owner,
                Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "1", "disposition", "RESTOCK")), "tender", "UPI",
                        "reason", "wrong size"));
        assertThat(refund.status()).as("refund: %s", refund.body()).isEqualTo(201);
        String[] party = new String[1];
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() -> {
            Http.Response r = http.get("/api/v1/accounting/parties/balance?phone=" + phone, owner);
            party[0] = r.status() == 200 ? r.body().get("partyId").asString() : null;
            return r.status() == 200 && "48.00".equals(r.body().get("balance").asString());
        });
        Http.Response paid = http.postIdempotent("/api/v1/accounting/parties/" + party[0] + "/collections", owner,
                Map.of("amount", "20.00", "mode", "CASH"));
        assertThat(paid.status()).as("collection: %s", paid.body()).isEqualTo(201);
        assertThat(paid.body().get("balanceAfter").asString()).isEqualTo("28.00");
        LocalDate today = LocalDate.now(INDIA);
        Http.Response expense = http.postIdempotent("/api/v1/accounting/expenses", owner, Map.of("date", today.toString(),
                "category", "ELECTRICITY", "amount", "500.00", "mode", "CASH", "note", "meter bill"));
        assertThat(expense.status()).as("expense: %s", expense.body()).isEqualTo(201);

        // every service has seen every event: the hand figures are there
        String range = "?from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonNode totals = http.get("/api/v1/reports/sales" + range + "&groupBy=month", owner).body().get("totals");
            assertThat(totals.get("sales").asInt()).isEqualTo(3);
            assertThat(totals.get("refunds").asInt()).isEqualTo(1);
            assertThat(totals.get("gross").asString()).isEqualTo("264.00");
            assertThat(totals.get("refunded").asString()).isEqualTo("120.00");
            assertThat(totals.get("net").asString()).isEqualTo("144.00");
            assertThat(totals.get("cost").asString()).isEqualTo("120.00");
            assertThat(http.get("/api/v1/reports/stock", owner).body().get("totals").get("value").asString()).isEqualTo("480.00");
            assertThat(onHand(http, owner, a)).isEqualTo("7");
            assertThat(onHand(http, owner, b)).isEqualTo("5");
            assertThat(http.get("/api/v1/accounting/statements/trial-balance" + range, owner).body().get("balanced").asBoolean()).isTrue();
        });
        Map<String, String> before = awaitSettled(http, owner, paths(range, a, b, party[0]));

        // the owner backs the shop up (a cashier may not)
        assertThatThrownBy(() -> new ShopBackupClient(java.net.URI.create(stack.gatewayUrl() + "/"), shop.cashier(), Clock.systemUTC())
                .backup(shop.id(), backups)).hasMessageContaining("403");
        ShopBackupClient client = new ShopBackupClient(java.net.URI.create(stack.gatewayUrl() + "/"), owner, Clock.systemUTC());
        Path backup = client.backup(shop.id(), backups);
        assertThat(Files.readAllLines(backup.resolve("SHA256SUMS"))).hasSize(5);
        assertThat(Files.readString(backup.resolve("manifest.json"), StandardCharsets.UTF_8)).contains(shop.id());
        // a shop that has its data is not overwritten unless asked to
        assertThatThrownBy(() -> client.restore(backup, false)).hasMessageContaining("409");

        // loss: every row of the shop is gone from every service's database
        long deleted = 0;
        for (String db : DATABASES) {
            deleted += deleteShop(stack, db, shop.id());
        }
        assertThat(deleted).isGreaterThan(20);
        assertThat(http.get("/api/v1/products/" + a, owner).status()).isEqualTo(404);

        List<String> restored = client.restore(backup, true);
        assertThat(restored).hasSize(5);
        Map<String, String> after = read(http, owner, paths(range, a, b, party[0]));
        assertThat(after).as("every figure after the restore").isEqualTo(before);

        // into another owner's new shop: the same figures, under that shop's own ids
        Journeys.NewShop other = Journeys.openShop(http, "Gopal", "Gopal Traders");
        ShopBackupClient otherClient = new ShopBackupClient(java.net.URI.create(stack.gatewayUrl() + "/"), other.owner(), Clock.systemUTC());
        otherClient.restore(backup, true);
        Map<String, String> copied = read(http, other.owner(), paths(range, moved(other.id(), a), moved(other.id(), b),
                moved(other.id(), party[0])));
        Map<String, String> expected = new LinkedHashMap<>();
        before.forEach((k, v) -> expected.put(k, anonymous(v)));
        Map<String, String> actual = new LinkedHashMap<>();
        copied.forEach((k, v) -> actual.put(k, anonymous(v)));
        assertThat(actual).as("every figure of the new shop").isEqualTo(expected);
        // and the original shop still has its own
        assertThat(read(http, owner, paths(range, a, b, party[0]))).isEqualTo(before);
        // the new shop sells on from the restored stock: its product is known to every service under its new id
        JsonNode sale = Journeys.sellConfirmed(http, other.owner(), Map.of("lines", List.of(Map.of("productId", moved(other.id(), a),
                "quantity", "1")), "tenders", List.of(Map.of("type", "CASH", "amount", "48.00"))));
        assertThat(sale.get("total").asString()).isEqualTo("48.00");
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(onHand(http, other.owner(), moved(other.id(), a))).isEqualTo("6"));
    }

    /** What the owner reads: books, khata, stock and its ledger, reports, sales, products. */
    static List<String> paths(String range, String a, String b, String party) {
        return List.of(
                "/api/v1/accounting/statements/trial-balance" + range,
                "/api/v1/accounting/parties/" + party + "/statement" + range,
                "/api/v1/accounting/expenses" + range,
                "/api/v1/inventory/stock?productId=" + a,
                "/api/v1/inventory/stock?productId=" + b,
                "/api/v1/inventory/ledger?productId=" + a,
                "/api/v1/inventory/ledger?productId=" + b,
                "/api/v1/reports/sales" + range + "&groupBy=day",
                "/api/v1/reports/stock",
                "/api/v1/orders" + range,
                "/api/v1/products/" + a,
                "/api/v1/products/" + b);
    }

    /** The name-based id a restore into another shop gives a row (README: Backup and restore). */
    static String moved(String shop, String id) {
        return UUID.nameUUIDFromBytes((shop + "/" + id).getBytes(StandardCharsets.UTF_8)).toString();
    }

    static Map<String, String> read(Http http, String token, List<String> paths) {
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < paths.size(); i++) {
            Http.Response r = http.get(paths.get(i), token);
            assertThat(r.status()).as("%s: %s", paths.get(i), r.body()).isEqualTo(200);
            out.put(String.valueOf(i), r.body().toString());
        }
        return out;
    }

    /** The figures once two reads a second apart agree (the last events may still be on their way). */
    static Map<String, String> awaitSettled(Http http, String token, List<String> paths) {
        List<Map<String, String>> last = new ArrayList<>(List.of(read(http, token, paths)));
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            Map<String, String> now = read(http, token, paths);
            boolean same = now.equals(last.get(0));
            last.set(0, now);
            return same;
        });
        return last.get(0);
    }

    /** The figures without the ids (which another shop has its own of): every "id" and "…Id" member and any UUID. */
    static String anonymous(String json) {
        JsonNode node = Http.JSON.readTree(json);
        strip(node);
        return UUID_TEXT.matcher(node.toString()).replaceAll("<id>");
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> names = new ArrayList<>(o.propertyNames());
            for (String n : names) {
                if (n.equals("id") || n.endsWith("Id") || n.equals("invoiceQr") || n.equals("shop")) {
                    o.remove(n);
                } else {
                    strip(o.get(n));
                }
            }
        } else if (node != null && node.isArray()) {
            node.forEach(ShopBackupIT::strip);
        }
    }

    static String onHand(Http http, String token, String productId) {
        java.math.BigDecimal total = java.math.BigDecimal.ZERO;
        for (JsonNode level : http.get("/api/v1/inventory/stock?productId=" + productId, token).body()) {
            total = total.add(new java.math.BigDecimal(level.get("onHand").asString()));
        }
        return total.stripTrailingZeros().toPlainString();
    }

    /**
     * Deletes every row of the shop from one database, as a lost shop would have none: the tables with a shop_id, then
     * what hung off them by a foreign key. As the database's owner, with triggers and rules off for the session (the
     * stock ledger refuses deletes otherwise).
     */
    static long deleteShop(KiranaStack stack, String database, String shopId) throws Exception {
        long deleted = 0;
        try (Connection c = DriverManager.getConnection(stack.jdbcUrl(database), stack.endpoints().dbUser(), stack.endpoints().dbPassword())) {
            c.setAutoCommit(false);
            String schema = database.equals("kirana_reporting") ? "readmodel" : "public";
            try (Statement s = c.createStatement()) {
                s.execute("SET LOCAL session_replication_role = replica");
            }
            List<String> tables = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("""
                    SELECT table_name FROM information_schema.columns WHERE table_schema = ? AND column_name = 'shop_id'
                      AND table_name NOT IN ('kirana_outbox', 'kirana_idempotency')""")) {
                ps.setString(1, schema);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        tables.add(rs.getString(1));
                    }
                }
            }
            try (Statement s = c.createStatement()) {
                for (String t : tables) {
                    deleted += s.executeUpdate("DELETE FROM " + schema + "." + t + " WHERE shop_id::text = '" + shopId + "'");
                }
                // rows of tables without a shop_id whose parent row is gone (twice: a child's child)
                for (int round = 0; round < 2; round++) {
                    List<String> orphans = new ArrayList<>();
                    try (ResultSet rs = s.executeQuery("""
                            SELECT ch.relname, a.attname, pa.relname, b.attname
                            FROM pg_constraint k JOIN pg_class ch ON ch.oid = k.conrelid JOIN pg_class pa ON pa.oid = k.confrelid
                            JOIN pg_namespace n ON n.oid = ch.relnamespace
                            JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = k.conkey[1]
                            JOIN pg_attribute b ON b.attrelid = k.confrelid AND b.attnum = k.confkey[1]
                            WHERE k.contype = 'f' AND n.nspname = '""" + schema + "' AND array_length(k.conkey, 1) = 1")) {
                        while (rs.next()) {
                            orphans.add("DELETE FROM " + schema + "." + rs.getString(1) + " c WHERE c." + rs.getString(2)
                                    + " IS NOT NULL AND NOT EXISTS (SELECT 1 FROM " + schema + "." + rs.getString(3) + " p WHERE p."
                                    + rs.getString(4) + " = c." + rs.getString(2) + ")");
                        }
                    }
                    for (String sql : orphans) {
                        deleted += s.executeUpdate(sql);
                    }
                }
            }
            c.commit();
        }
        return deleted;
    }
}
