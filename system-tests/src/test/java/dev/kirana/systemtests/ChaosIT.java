package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.kirana.localstack.KiranaStack;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Chaos under load. Two tills ring up sales of three products (two of them short of stock, so some sales are
 * rejected) while, in turn, every service is killed with SIGKILL and started again, the Kafka broker is
 * killed and started again, and PostgreSQL is stopped immediately (no checkpoint; crash recovery on start)
 * and started again; between faults a few confirmed sales are voided or partly refunded. After recovery:
 * <ul>
 * <li>every order of the shop is in a final state, none PENDING, and no idempotency key made two orders;</li>
 * <li>no oversell: per product on hand = received − sold + voided + refunded back to the shelf, nothing
 * reserved, one SALE movement per order and product, inventory's reconciliation consistent;</li>
 * <li>one posting per sale, cost of sale and void, every entry balanced, the trial balance balanced;</li>
 * <li>the reports equal a rebuild of the read models from the topics;</li>
 * <li>every service's outbox drained.</li>
 * </ul>
 * Kills the suite's processes, so it runs last.
 */
@Order(100)
class ChaosIT {
    static final List<String> SERVICES = List.of("gateway", "auth-service", "catalog-service", "inventory-service",
            "order-service", "accounting-service", "reporting-service");
    static final List<String> DATABASES = List.of("kirana_auth", "kirana_catalog", "kirana_inventory",
            "kirana_order", "kirana_accounting", "kirana_reporting");
    static final Set<String> EVER_CONFIRMED = Set.of("CONFIRMED", "VOIDED", "PARTIALLY_REFUNDED", "REFUNDED");
    static final Set<String> FINAL = Set.of("CONFIRMED", "REJECTED", "CANCELLED", "VOIDED", "PARTIALLY_REFUNDED", "REFUNDED");
    static final int MAX_SALES_PER_TILL = 1500;

    /** One fault: what, when, and how long until the thing was back (ready) and the tills sold again. */
    record Fault(String what, Instant at, long downMillis, long salesAgainMillis) {
    }

    private final List<Fault> faults = new ArrayList<>();
    private final List<String> report = new ArrayList<>();

    @Test
    void theBooksStockAndReportsSurviveKillsOfEveryProcess() throws Exception {
        KiranaStack stack = SuiteUnderTest.get();
        Http http = new Http(stack.gatewayUrl());
        Journeys.NewShop shop = Journeys.openShop(http, "Ravi", "Chaos Stores");
        String owner = shop.owner();
        // received: plenty of one, little of the two others (hand-set, the expected stock below follows from them)
        Map<String, Integer> received = new LinkedHashMap<>();
        String rice = Journeys.stockedProduct(http, owner, "10.00", 3000);
        String ghee = Journeys.stockedProduct(http, owner, "25.00", 14);
        String tea = Journeys.stockedProduct(http, owner, "48.00", 6);
        received.put(rice, 3000);
        received.put(ghee, 14);
        received.put(tea, 6);
        // order-service's replica knows all three: from here on every 400 is a bug
        for (String product : received.keySet()) {
            assertThat(Journeys.sell(http, owner, product, 1).status()).isEqualTo(201);
        }

        Till front = new Till("till-1", http, owner, basket(rice, ghee, tea), MAX_SALES_PER_TILL).start();
        Till back = new Till("till-2", http, shop.cashier(), basket(rice, ghee, tea), MAX_SALES_PER_TILL).start();
        List<Till> tills = List.of(front, back);
        Set<String> voided = new HashSet<>();
        Set<String> refunded = new HashSet<>(); // one unit of line 1 (rice) back to the shelf
        long chaosStart = System.nanoTime();
        try {
            awaitSales(tills, 6, Duration.ofSeconds(90));
            for (String service : SERVICES) {
                inject(service, tills, () -> {
                    stack.killHard(service);
                    stack.startService(service);
                });
                if (service.equals("auth-service") || service.equals("accounting-service")) {
                    voidAndRefund(http, owner, tills, voided, refunded);
                }
            }
            inject("kafka broker (SIGKILL, start again)", tills, () -> {
                stack.killKafka();
                Thread.sleep(2000);
                stack.startKafka();
            });
            voidAndRefund(http, owner, tills, voided, refunded);
            inject("postgresql (immediate stop, start again)", tills, () -> {
                stack.stopPostgresImmediately();
                Thread.sleep(2000);
                stack.startPostgres();
            });
        } finally {
            for (Till till : tills) {
                till.stop();
            }
        }
        long chaosMillis = (System.nanoTime() - chaosStart) / 1_000_000;
        for (Till till : tills) {
            assertThat(till.unexpected()).as("client errors at %s while processes restarted", till).isEmpty();
        }

        // ---- orders: every one final, one per key ---------------------------------------------------------
        Map<String, Till.Sale> sales = new HashMap<>();
        tills.forEach(t -> sales.putAll(t.accepted()));
        assertThat(sales.values().stream().map(Till.Sale::orderId).toList()).as("one order per idempotency key")
                .doesNotHaveDuplicates();
        String orderDb = stack.jdbcUrl("kirana_order");
        Map<String, String> status = new TreeMap<>();
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            status.clear();
            query(stack, orderDb, "SELECT id::text, status FROM orders WHERE shop_id = ?", rs -> status.put(rs.getString(1), rs.getString(2)),
                    shop.id());
            assertThat(status.values()).as("order states").allMatch(FINAL::contains);
        });
        assertThat(status.keySet()).as("every accepted sale is an order").containsAll(sales.values().stream().map(Till.Sale::orderId).toList());
        List<Integer> keyCounts = new ArrayList<>();
        query(stack, orderDb, "SELECT count(*) FROM kirana_idempotency WHERE shop_id = ? AND idem_key = ANY (?)", rs -> keyCounts.add(rs.getInt(1)),
                shop.id(), sales.keySet().toArray(String[]::new));
        assertThat(keyCounts).containsExactly(sales.size());
        // the lines of every order (a sale whose answer a restart swallowed is an order too, and counts as sold)
        Map<String, Map<String, BigDecimal>> lines = new HashMap<>();
        query(stack, orderDb, "SELECT l.order_id::text, l.product_id, l.quantity FROM order_lines l JOIN orders o ON o.id = l.order_id "
                + "WHERE o.shop_id = ?", rs -> lines.computeIfAbsent(rs.getString(1), k -> new HashMap<>())
                .merge(rs.getString(2), rs.getBigDecimal(3), BigDecimal::add), shop.id());
        for (Till.Sale sale : sales.values()) { // what the till sent is what was stored
            Map<String, BigDecimal> sent = new HashMap<>();
            sale.lines().forEach(l -> sent.merge(l.get("productId"), new BigDecimal(l.get("quantity")), BigDecimal::add));
            assertThat(plain(lines.get(sale.orderId()))).as("lines of %s", sale.orderId()).isEqualTo(plain(sent));
        }
        Map<String, Long> byStatus = new TreeMap<>();
        status.values().forEach(s -> byStatus.merge(s, 1L, Long::sum));
        List<String> confirmed = status.entrySet().stream().filter(e -> EVER_CONFIRMED.contains(e.getValue())).map(Map.Entry::getKey).toList();
        assertThat(byStatus.get("REJECTED")).as("the short products turned some sales away").isPositive();
        voided.forEach(id -> assertThat(status.get(id)).isEqualTo("VOIDED"));

        // ---- inventory: no oversell, one movement per order and product ---------------------------------
        Map<String, BigDecimal> expected = new LinkedHashMap<>();
        received.forEach((p, q) -> expected.put(p, BigDecimal.valueOf(q)));
        for (String id : confirmed) {
            lines.get(id).forEach((p, q) -> expected.merge(p, q.negate(), BigDecimal::add));
        }
        for (String id : voided) {
            lines.get(id).forEach((p, q) -> expected.merge(p, q, BigDecimal::add));
        }
        refunded.forEach(id -> expected.merge(rice, BigDecimal.ONE, BigDecimal::add));
        String inventoryDb = stack.jdbcUrl("kirana_inventory");
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            for (Map.Entry<String, BigDecimal> e : expected.entrySet()) {
                JsonNode level = http.get("/api/v1/inventory/stock?productId=" + e.getKey(), owner).body().get(0);
                assertThat(new BigDecimal(level.get("onHand").asString())).as("on hand of %s", e.getKey()).isEqualByComparingTo(e.getValue());
                assertThat(new BigDecimal(level.get("reserved").asString())).as("reserved of %s", e.getKey()).isZero();
            }
            List<String> held = new ArrayList<>();
            query(stack, inventoryDb, "SELECT order_id FROM reservations WHERE shop_id = ? AND status = 'RESERVED'",
                    rs -> held.add(rs.getString(1)), shop.id());
            assertThat(held).as("reservations still held").isEmpty();
        });
        assertThat(expected.values()).allMatch(q -> q.signum() >= 0);
        Map<String, Integer> saleMovements = new HashMap<>();
        query(stack, inventoryDb, "SELECT cause || ' ' || product_id, count(*) FROM stock_ledger WHERE shop_id = ? AND movement = 'SALE' "
                + "GROUP BY cause, product_id", rs -> saleMovements.put(rs.getString(1), rs.getInt(2)), shop.id());
        Map<String, Integer> expectedMovements = new HashMap<>();
        confirmed.forEach(id -> lines.get(id).keySet().forEach(p -> expectedMovements.put("order:" + id + " " + p, 1)));
        assertThat(saleMovements).as("SALE movements per order and product").isEqualTo(expectedMovements);
        Map<String, BigDecimal> returnedBack = new HashMap<>();
        query(stack, inventoryDb, "SELECT cause, sum(quantity) FROM stock_ledger WHERE shop_id = ? AND movement = 'CUSTOMER_RETURN' "
                + "GROUP BY cause", rs -> returnedBack.put(rs.getString(1), rs.getBigDecimal(2)), shop.id());
        Map<String, BigDecimal> expectedBack = new HashMap<>();
        voided.forEach(id -> expectedBack.put("order:" + id, lines.get(id).values().stream().reduce(BigDecimal.ZERO, BigDecimal::add)));
        refunded.forEach(id -> expectedBack.put("order:" + id, BigDecimal.ONE));
        assertThat(returnedBack.keySet()).isEqualTo(expectedBack.keySet());
        expectedBack.forEach((cause, q) -> assertThat(returnedBack.get(cause)).as("back on the shelf for %s", cause).isEqualByComparingTo(q));
        assertThat(http.get("/api/v1/inventory/reconciliation", owner).body().get("consistent").asBoolean()).isTrue();

        // ---- accounting: one posting per sale, cost and void; balanced ------------------------------------
        String accountingDb = stack.jdbcUrl("kirana_accounting");
        Set<String> wantedSources = new HashSet<>();
        confirmed.forEach(id -> {
            wantedSources.add("order.confirmed:" + id);
            wantedSources.add("stock.committed:" + id);
        });
        voided.forEach(id -> wantedSources.add("order.voided:" + id));
        Map<String, Integer> postings = new HashMap<>();
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            postings.clear();
            query(stack, accountingDb, "SELECT source, count(*) FROM journal_entries WHERE shop_id = ? AND (source LIKE 'order.%' "
                    + "OR source LIKE 'stock.committed:%') GROUP BY source", rs -> postings.put(rs.getString(1), rs.getInt(2)), shop.id());
            Set<String> saleSources = new HashSet<>(postings.keySet());
            saleSources.removeIf(s -> s.startsWith("order.refunded:"));
            assertThat(saleSources).as("sale, cost-of-sale and void postings").isEqualTo(wantedSources);
            assertThat(postings.keySet().stream().filter(s -> s.startsWith("order.refunded:")).count()).isEqualTo(refunded.size());
        });
        assertThat(postings.values()).as("postings per source").allMatch(n -> n == 1);
        List<String> unbalanced = new ArrayList<>();
        query(stack, accountingDb, "SELECT e.source FROM journal_entries e JOIN journal_lines l ON l.entry_id = e.id WHERE e.shop_id = ? "
                + "GROUP BY e.id, e.source HAVING sum(l.debit) <> sum(l.credit)", rs -> unbalanced.add(rs.getString(1)), shop.id());
        assertThat(unbalanced).as("unbalanced entries").isEmpty();
        JsonNode rows = http.get("/api/v1/accounting/trial-balance", owner).body();
        BigDecimal debits = BigDecimal.ZERO;
        BigDecimal credits = BigDecimal.ZERO;
        for (JsonNode row : rows) {
            debits = debits.add(new BigDecimal(row.get("debit").asString()));
            credits = credits.add(new BigDecimal(row.get("credit").asString()));
        }
        assertThat(debits).as("trial balance: debits = credits").isPositive().isEqualByComparingTo(credits);

        // ---- outboxes drained ---------------------------------------------------------------------------
        Map<String, Integer> unsent = new TreeMap<>();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
            unsent.clear();
            for (String db : DATABASES) {
                boolean[] has = new boolean[1];
                query(stack, stack.jdbcUrl(db), "SELECT to_regclass('kirana_outbox') IS NOT NULL", rs -> has[0] = rs.getBoolean(1));
                if (has[0]) {
                    query(stack, stack.jdbcUrl(db), "SELECT count(*) FROM kirana_outbox WHERE sent_at IS NULL", rs -> unsent.put(db, rs.getInt(1)));
                }
            }
            assertThat(unsent.values()).as("unsent outbox rows %s", unsent).allMatch(n -> n == 0);
        });

        // ---- reporting: the read models equal a rebuild from the topics -------------------------------------
        String summary = "/api/v1/reports/sales?groupBy=day";
        String byProduct = "/api/v1/reports/sales/by/product";
        JsonNode[] live = new JsonNode[2];
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
            Http.Response s = http.get("/api/v1/reports/status", owner);
            JsonNode a = stable(http.get(summary, owner).body());
            JsonNode b = stable(http.get(byProduct, owner).body());
            // caught up: no lag, and the same answers as at the last look
            boolean caughtUp = s.status() == 200 && s.body().get("lag").asLong() == 0 && a.equals(live[0]) && b.equals(live[1]);
            live[0] = a;
            live[1] = b;
            return caughtUp;
        });
        String rebuildUrl = stack.managementUrl("reporting-service") + "/actuator/readmodels";
        Http management = new Http("");
        assertThat(management.post(rebuildUrl, null, Map.of()).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "DONE".equals(management.get(rebuildUrl, null).body().get("rebuild").get("state").asString()));
        assertThat(stable(http.get(summary, owner).body())).as("sales summary after a rebuild").isEqualTo(live[0]);
        assertThat(stable(http.get(byProduct, owner).body())).as("sales by product after a rebuild").isEqualTo(live[1]);

        // ---- what happened ----------------------------------------------------------------------------------
        report.add(String.format(Locale.ROOT, "chaos: %d faults in %.1f s", faults.size(), chaosMillis / 1000.0));
        for (Fault f : faults) {
            report.add(String.format(Locale.ROOT, "  %-42s at %s: back in %5.1f s, selling again after %5.1f s", f.what(), f.at(),
                    f.downMillis() / 1000.0, f.salesAgainMillis() / 1000.0));
        }
        report.add(String.format(Locale.ROOT, "orders: %d accepted by the tills (%d requests), %d in the shop (3 warm-up sales), by state %s",
                sales.size(), front.attempts() + back.attempts(), status.size(), byStatus));
        report.add("voided " + voided.size() + ", refunded one unit of " + refunded.size());
        report.add("stock on hand " + expected.values() + " = received " + received.values() + " - sold + voided + refunded");
        report.add("checked: no PENDING, one order per key, lines as sent; on hand, nothing reserved, " + saleMovements.size()
                + " SALE movements one per order and product, returns per order, reconciliation consistent; " + postings.size()
                + " postings one per source, every entry balanced, trial balance " + debits + " = " + credits
                + "; outboxes drained " + unsent + "; sales summary and sales by product equal after a rebuild");
        report.forEach(System.out::println);
    }

    /** Up to two voids and one refund of one confirmed sale each, retried with the same key through restarts. */
    private static void voidAndRefund(Http http, String owner, List<Till> tills, Set<String> voided, Set<String> refunded) {
        List<Till.Sale> candidates = new ArrayList<>();
        tills.forEach(t -> candidates.addAll(t.accepted().values()));
        int voids = 0;
        int refunds = 0;
        for (Till.Sale sale : candidates) {
            if (voids >= 1 && refunds >= 1) {
                return;
            }
            String id = sale.orderId();
            if (voided.contains(id) || refunded.contains(id)) {
                continue;
            }
            Http.Response order = http.get("/api/v1/orders/" + id, owner);
            if (order.status() != 200 || !"CONFIRMED".equals(order.body().get("status").asString())) {
                continue;
            }
            String key = UUID.randomUUID().toString();
            if (voids < 1) {
                if (retried(() -> http.post("/api/v1/orders/" + id + "/void", owner, Map.of("reason", "rung up twice"), "Idempotency-Key", key))) {
                    System.out.printf("chaos: voided %s (key %s)%n", id, key);
                    voided.add(id);
                    voids++;
                }
            } else {
                Map<String, Object> body = Map.of("lines", List.of(Map.of("lineNo", 1, "quantity", "1", "disposition", "RESTOCK")),
                        "tender", "CASH", "reason", "damaged pack");
                if (retried(() -> http.post("/api/v1/orders/" + id + "/refunds", owner, body, "Idempotency-Key", key))) {
                    System.out.printf("chaos: refunded one unit of line 1 of %s (key %s)%n", id, key);
                    refunded.add(id);
                    refunds++;
                }
            }
        }
    }

    private static boolean retried(java.util.function.Supplier<Http.Response> call) {
        for (int attempt = 0; attempt < 60; attempt++) {
            try {
                Http.Response r = call.get();
                if (r.status() == 200 || r.status() == 201) {
                    return true;
                }
                assertThat(r.status()).as("void or refund: %s", r.body()).isIn(429, 500, 502, 503, 504);
            } catch (java.io.UncheckedIOException e) {
                // the gateway is restarting
            }
            Till.sleep(500);
        }
        return false;
    }

    interface Injection {
        void run() throws Exception;
    }

    private void inject(String what, List<Till> tills, Injection injection) throws Exception {
        Instant at = Instant.now();
        long t0 = System.nanoTime();
        injection.run();
        long back = (System.nanoTime() - t0) / 1_000_000;
        int before = tills.stream().mapToInt(Till::acceptedCount).sum();
        awaitSales(tills, before + 2, Duration.ofSeconds(120));
        faults.add(new Fault(what, at, back, (System.nanoTime() - t0) / 1_000_000));
        System.out.printf("chaos: %s at %s, back after %.1f s%n", what, at, back / 1000.0);
    }

    private static void awaitSales(List<Till> tills, int atLeast, Duration timeout) {
        int cap = tills.size() * MAX_SALES_PER_TILL;
        await().atMost(timeout).pollInterval(Duration.ofMillis(250))
                .until(() -> tills.stream().mapToInt(Till::acceptedCount).sum() >= Math.min(atLeast, cap));
    }

    /** Rice in every basket; often ghee, sometimes tea: the short ones run out and reject whole sales. */
    private static java.util.function.Supplier<List<Map<String, String>>> basket(String rice, String ghee, String tea) {
        return () -> {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            List<Map<String, String>> lines = new ArrayList<>();
            lines.add(Map.of("productId", rice, "quantity", String.valueOf(1 + random.nextInt(2))));
            if (random.nextInt(10) < 5) {
                lines.add(Map.of("productId", ghee, "quantity", String.valueOf(1 + random.nextInt(2))));
            }
            if (random.nextInt(10) < 3) {
                lines.add(Map.of("productId", tea, "quantity", "1"));
            }
            return lines;
        };
    }

    private static Map<String, String> plain(Map<String, BigDecimal> quantities) {
        Map<String, String> out = new TreeMap<>();
        quantities.forEach((k, v) -> out.put(k, v.stripTrailingZeros().toPlainString()));
        return out;
    }

    /** A report without what changes with the clock (when it was made). */
    private static JsonNode stable(JsonNode report) {
        if (report instanceof ObjectNode o) {
            ObjectNode copy = o.deepCopy();
            for (String field : List.of("generatedAt", "asOf", "lastSaleAt")) {
                copy.remove(field);
            }
            return copy;
        }
        return report;
    }

    interface RowHandler {
        void row(ResultSet rs) throws SQLException;
    }

    private static void query(KiranaStack stack, String url, String sql, RowHandler handler, Object... params) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, stack.endpoints().dbUser(), stack.endpoints().dbPassword());
             PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                if (params[i] instanceof String[] array) {
                    ps.setArray(i + 1, c.createArrayOf("text", array));
                } else {
                    ps.setObject(i + 1, params[i]);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    handler.row(rs);
                }
            }
        }
    }
}
