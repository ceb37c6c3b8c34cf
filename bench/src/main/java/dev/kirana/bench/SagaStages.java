package dev.kirana.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.HdrHistogram.Histogram;

/**
 * Where the time between placing and confirming an order goes, from the databases' own
 * timestamps: order-service's {@code orders.placed_at} and {@code confirmed_at}, and inventory's
 * {@code reservations.created_at} (its handler's transaction time). Placed → reserved covers
 * order-service's outbox relay, Kafka and inventory's consumer; reserved → confirmed covers
 * inventory's relay, Kafka and order-service's consumer.
 *
 * @param orders confirmed orders of the phase found in both databases
 */
record SagaStages(String phase, long orders, LatencyStats placedToReserved, LatencyStats reservedToConfirmed,
                  LatencyStats placedToConfirmed) {

    static SagaStages measure(Db db, String shopId, String phase, Instant from, Instant to) throws SQLException {
        Map<String, Instant[]> orders = new HashMap<>();
        try (Connection c = db.open("kirana_order");
             PreparedStatement ps = c.prepareStatement("SELECT id::text, placed_at, confirmed_at FROM orders WHERE shop_id = ? "
                     + "AND status = 'CONFIRMED' AND placed_at >= ? AND placed_at < ?")) {
            ps.setString(1, shopId);
            ps.setTimestamp(2, Timestamp.from(from));
            ps.setTimestamp(3, Timestamp.from(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    orders.put(rs.getString(1), new Instant[]{rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(), null});
                }
            }
        }
        try (Connection c = db.open("kirana_inventory");
             PreparedStatement ps = c.prepareStatement("SELECT order_id, created_at FROM reservations WHERE shop_id = ? "
                     + "AND created_at >= ? AND created_at < ?")) {
            ps.setString(1, shopId);
            ps.setTimestamp(2, Timestamp.from(from.minusSeconds(5)));
            ps.setTimestamp(3, Timestamp.from(to.plus(Duration.ofMinutes(2))));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Instant[] o = orders.get(rs.getString(1));
                    if (o != null) {
                        o[2] = rs.getTimestamp(2).toInstant();
                    }
                }
            }
        }
        Histogram toReserved = LatencyStats.newHistogram();
        Histogram toConfirmed = LatencyStats.newHistogram();
        Histogram total = LatencyStats.newHistogram();
        long n = 0;
        for (Instant[] o : orders.values()) {
            if (o[2] == null) {
                continue;
            }
            n++;
            toReserved.recordValue(micros(o[0], o[2]));
            toConfirmed.recordValue(micros(o[2], o[1]));
            total.recordValue(micros(o[0], o[1]));
        }
        return new SagaStages(phase, n, LatencyStats.of(toReserved), LatencyStats.of(toConfirmed), LatencyStats.of(total));
    }

    private static long micros(Instant a, Instant b) {
        long us = Duration.between(a, b).toNanos() / 1000;
        return Math.max(0, Math.min(us, 600_000_000L));
    }
}
