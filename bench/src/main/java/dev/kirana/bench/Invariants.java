package dev.kirana.bench;

import java.io.PrintStream;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;

/**
 * What must hold after the load, checked once the suite has drained: no oversell, every order in a
 * final state, every outbox row published, stock agreeing with the ledger and with what was sold.
 */
final class Invariants {

    /**
     * @param ok     true: holds; false: violated; null: could not be checked (no database access)
     * @param detail the numbers behind the verdict
     */
    record Check(String name, Boolean ok, String detail) {
    }

    /** The checks and how long the suite took to drain before they ran. */
    record Result(List<Check> checks, double drainSeconds, Map<String, Long> ordersByStatus) {
        boolean allHeld() {
            return checks.stream().allMatch(c -> !Boolean.FALSE.equals(c.ok()));
        }
    }

    private final KiranaApi api;
    private final Target target;
    private final Fixture fixture;
    private final PrintStream out;

    Invariants(KiranaApi api, Target target, Fixture fixture, PrintStream out) {
        this.api = api;
        this.target = target;
        this.fixture = fixture;
        this.out = out;
    }

    /** Pending orders (for the bench's shop) plus unsent outbox rows over all service databases; -1 without a DB. */
    long backlog() {
        if (target.db == null) {
            return -1;
        }
        try {
            long n = target.db.queryLong("kirana_order", "SELECT count(*) FROM orders WHERE shop_id = ? AND status = 'PENDING'",
                    api.shopId());
            for (Map.Entry<String, Long> e : unsentOutbox().entrySet()) {
                n += e.getValue();
            }
            return n;
        } catch (SQLException e) {
            return -1;
        }
    }

    /**
     * Waits (up to {@code max}) until nothing is pending and every outbox is empty; a PENDING order
     * past its deadline is cancelled by order-service's sweeper within about a second.
     *
     * @return seconds waited
     */
    double drain(Duration max) {
        long t0 = System.nanoTime();
        long deadline = t0 + max.toNanos();
        while (System.nanoTime() < deadline) {
            long b = backlog();
            if (b <= 0) {
                break;
            }
            KiranaApi.sleep(500);
        }
        return (System.nanoTime() - t0) / 1e9;
    }

    Result check(Duration maxDrain, long clientConfirmed) {
        double drained = drain(maxDrain);
        List<Check> checks = new ArrayList<>();
        Map<String, Long> byStatus = new TreeMap<>();
        Map<String, BigDecimal> sold = new HashMap<>();
        if (target.db != null) {
            try {
                byStatus = ordersByStatus();
                long pending = byStatus.getOrDefault("PENDING", 0L);
                long overdue = target.db.queryLong("kirana_order",
                        "SELECT count(*) FROM orders WHERE shop_id = ? AND status = 'PENDING' AND deadline < now()", api.shopId());
                checks.add(new Check("every order final (no PENDING left)", pending == 0,
                        "orders by status " + byStatus + " after draining " + String.format("%.1f s", drained)));
                checks.add(new Check("no PENDING order past its deadline", overdue == 0, overdue + " overdue"));
                Map<String, Long> unsent = unsentOutbox();
                long total = unsent.values().stream().mapToLong(Long::longValue).sum();
                checks.add(new Check("outbox rows all published (sent_at IS NULL = 0 in each service DB)", total == 0,
                        unsent.toString()));
                sold = confirmedQuantities();
                long dbConfirmed = byStatus.getOrDefault("CONFIRMED", 0L);
                checks.add(new Check("every CONFIRMED answer is a CONFIRMED order in the database",
                        dbConfirmed >= clientConfirmed, dbConfirmed + " confirmed in kirana_order ≥ " + clientConfirmed
                        + " confirmed answers seen by the bench (set-up orders included; the rest are the probes between phases and "
                        + "answers lost to client time-outs)"));
                checks.add(reservations());
                List<String> stuck = stuckTransactions(30);
                checks.add(new Check("no service transaction stuck \"idle in transaction\" (> 30 s)", stuck.isEmpty(),
                        stuck.isEmpty() ? "none" : String.join("; ", stuck)));
            } catch (SQLException e) {
                checks.add(new Check("database checks", false, "failed: " + e.getMessage()));
            }
        } else {
            JsonNode pending = api.get(api.gateway() + "/api/v1/orders?status=PENDING&size=200").body();
            int n = pending == null || !pending.isArray() ? -1 : pending.size();
            checks.add(new Check("every order final (no PENDING left, via the API)", n == 0, n + " PENDING (first page)"));
            checks.add(new Check("outbox rows all published", null, "not checked: no database access (give --state-dir)"));
        }
        checks.addAll(stock(sold, target.db != null));
        JsonNode rec = api.get(api.gateway() + "/api/v1/inventory/reconciliation").body();
        boolean consistent = rec != null && rec.has("consistent") && rec.get("consistent").asBoolean();
        checks.add(new Check("stock levels agree with the ledger (GET /api/v1/inventory/reconciliation)", consistent,
                rec == null ? "no answer" : "consistent=" + consistent + ", levels checked "
                        + (rec.has("levelsChecked") ? rec.get("levelsChecked").asString() : "?")
                        + (consistent ? "" : ", mismatches " + rec.get("mismatches"))));
        return new Result(checks, drained, byStatus);
    }

    private List<Check> stock(Map<String, BigDecimal> sold, boolean compareSales) {
        int negative = 0;
        int mismatched = 0;
        BigDecimal reserved = BigDecimal.ZERO;
        BigDecimal minAvailable = null;
        List<String> examples = new ArrayList<>();
        for (String id : fixture.allProducts()) {
            JsonNode levels = api.get(api.gateway() + "/api/v1/inventory/stock?productId=" + id).body();
            if (levels == null || !levels.isArray() || levels.isEmpty()) {
                negative++;
                examples.add(id + ": no stock level");
                continue;
            }
            BigDecimal onHand = BigDecimal.ZERO;
            for (JsonNode level : levels) {
                BigDecimal oh = new BigDecimal(level.get("onHand").asString());
                BigDecimal res = new BigDecimal(level.get("reserved").asString());
                BigDecimal av = new BigDecimal(level.get("available").asString());
                onHand = onHand.add(oh);
                reserved = reserved.add(res);
                minAvailable = minAvailable == null || av.compareTo(minAvailable) < 0 ? av : minAvailable;
                if (oh.signum() < 0 || res.signum() < 0 || av.signum() < 0) {
                    negative++;
                    examples.add(id + ": onHand " + oh + ", reserved " + res);
                }
            }
            if (compareSales) {
                BigDecimal expected = fixture.received.getOrDefault(id, BigDecimal.ZERO)
                        .subtract(sold.getOrDefault(id, BigDecimal.ZERO));
                if (expected.compareTo(onHand) != 0) {
                    mismatched++;
                    if (examples.size() < 5) {
                        examples.add(id + ": onHand " + onHand + " but received − confirmed = " + expected);
                    }
                }
            }
        }
        List<Check> out = new ArrayList<>();
        out.add(new Check("no oversell: onHand, reserved, available never negative (" + fixture.allProducts().size()
                + " products)", negative == 0, "violations " + negative + ", lowest available " + minAvailable
                + (examples.isEmpty() ? "" : "; " + String.join("; ", examples.subList(0, Math.min(5, examples.size()))))));
        out.add(new Check("reservations settled after the drain (reserved = 0)", reserved.signum() == 0,
                "total reserved " + reserved.stripTrailingZeros().toPlainString()));
        if (compareSales) {
            out.add(new Check("onHand = received − confirmed quantity, per product", mismatched == 0,
                    mismatched + " products differ" + (mismatched == 0 ? "" : "; " + String.join("; ", examples))));
        }
        return out;
    }

    private Map<String, Long> ordersByStatus() throws SQLException {
        Map<String, Long> out = new TreeMap<>();
        try (Connection c = target.db.open("kirana_order");
             PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM orders WHERE shop_id = ? GROUP BY status")) {
            ps.setString(1, api.shopId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        return out;
    }

    private Map<String, BigDecimal> confirmedQuantities() throws SQLException {
        Map<String, BigDecimal> out = new HashMap<>();
        try (Connection c = target.db.open("kirana_order");
             PreparedStatement ps = c.prepareStatement("SELECT l.product_id, sum(l.quantity) FROM order_lines l "
                     + "JOIN orders o ON o.id = l.order_id WHERE o.shop_id = ? AND o.status = 'CONFIRMED' GROUP BY l.product_id")) {
            ps.setString(1, api.shopId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getBigDecimal(2));
                }
            }
        }
        return out;
    }

    private Check reservations() throws SQLException {
        Map<String, Long> byStatus = new TreeMap<>();
        try (Connection c = target.db.open("kirana_inventory");
             PreparedStatement ps = c.prepareStatement("SELECT status, count(*) FROM reservations WHERE shop_id = ? GROUP BY status")) {
            ps.setString(1, api.shopId());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byStatus.put(rs.getString(1), rs.getLong(2));
                }
            }
        }
        long open = byStatus.getOrDefault("RESERVED", 0L);
        return new Check("no reservation left open in inventory (status RESERVED)", open == 0, "reservations by status " + byStatus);
    }

    /**
     * Transactions of the suite's services left "idle in transaction" for longer than {@code seconds}:
     * a reactive service holding a transaction open while it waits for nothing is wedged (its row locks
     * block everyone else), so the bench names them instead of waiting forever.
     */
    List<String> stuckTransactions(int seconds) {
        List<String> out = new ArrayList<>();
        if (target.db == null) {
            return out;
        }
        try (Connection c = target.db.open("postgres");
             PreparedStatement ps = c.prepareStatement("SELECT datname, pid, extract(epoch FROM now() - xact_start)::int, "
                     + "regexp_replace(left(query, 110), '\\s+', ' ', 'g') FROM pg_stat_activity WHERE datname LIKE 'kirana\\_%' "
                     + "AND datname <> ? AND state LIKE 'idle in transaction%' AND xact_start < now() - make_interval(secs => ?) "
                     + "ORDER BY xact_start")) {
            ps.setString(1, SqlBaseline.DATABASE);
            ps.setInt(2, seconds);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " pid " + rs.getLong(2) + " idle in transaction for " + rs.getInt(3) + " s: "
                            + rs.getString(4));
                }
            }
        } catch (SQLException e) {
            out.add("(could not read pg_stat_activity: " + e.getMessage() + ")");
        }
        return out;
    }

    /** {@code SELECT count(*) FROM kirana_outbox WHERE sent_at IS NULL} per service database that has an outbox. */
    Map<String, Long> unsentOutbox() throws SQLException {
        Map<String, Long> out = new LinkedHashMap<>();
        for (String database : Target.serviceDatabases()) {
            if (target.db.tableExists(database, "kirana_outbox")) {
                out.put(database, target.db.queryLong(database, "SELECT count(*) FROM kirana_outbox WHERE sent_at IS NULL"));
            }
        }
        return out;
    }
}
