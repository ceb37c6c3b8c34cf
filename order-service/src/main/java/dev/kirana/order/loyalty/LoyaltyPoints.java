package dev.kirana.order.loyalty;

import dev.kirana.order.pricing.PricingException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Customers' loyalty points (by phone number): earned on confirmed sales, redeemed as a tender (held when the order
 * is placed, given back if it is not sold), and reversed when a sale is voided or refunded. Every change is a ledger
 * row written in the transaction of the sale it belongs to.
 */
@Component
public class LoyaltyPoints {
    private final DatabaseClient db;

    public LoyaltyPoints(DatabaseClient db) {
        this.db = db;
    }

    /** Points a sale earns: {@code perHundred} points per ₹100 paid other than with points, rounded down. */
    public static long earnedOn(BigDecimal paidOtherThanPoints, BigDecimal perHundred) {
        if (perHundred == null || perHundred.signum() <= 0 || paidOtherThanPoints.signum() <= 0) {
            return 0;
        }
        return paidOtherThanPoints.multiply(perHundred).divide(new BigDecimal("100"), 0, RoundingMode.DOWN).longValue();
    }

    /**
     * What {@code points} are worth in rupees at {@code pointValue} rupees a point: the figure accounting books as the
     * loyalty liability. Null when the point value is unknown (a sale confirmed before points were valued).
     */
    public static BigDecimal worth(long points, BigDecimal pointValue) {
        if (pointValue == null) {
            return null;
        }
        return pointValue.multiply(BigDecimal.valueOf(Math.max(points, 0))).setScale(2, RoundingMode.HALF_UP);
    }

    /** Takes the points off the balance, or fails with a 400-worthy reason when the customer has fewer. */
    public Mono<Void> redeem(String shopId, String phone, long points, UUID orderId) {
        return db.sql("UPDATE loyalty_accounts SET balance = balance - :p WHERE shop_id = :shop AND phone = :phone AND balance >= :p")
                .bind("p", points).bind("shop", shopId).bind("phone", phone)
                .fetch().rowsUpdated()
                .flatMap(n -> n == 1 ? record(shopId, phone, orderId, "REDEEMED", -points)
                        : balance(shopId, phone).flatMap(b -> Mono.error(tooFew(b, points))));
    }

    /** Fails as {@link #redeem} would when the customer has fewer than {@code points}; takes nothing. */
    public Mono<Void> available(String shopId, String phone, long points) {
        return balance(shopId, phone).flatMap(b -> b >= points ? Mono.<Void>empty() : Mono.error(tooFew(b, points)));
    }

    private static PricingException tooFew(long balance, long points) {
        return new PricingException("tenders", "the customer has " + balance + " loyalty points, not the " + points
                + " this tender needs");
    }

    public Mono<Void> returnRedemption(String shopId, String phone, long points, UUID orderId) {
        return points <= 0 ? Mono.empty() : add(shopId, phone, points).then(record(shopId, phone, orderId, "REDEMPTION_RETURNED", points));
    }

    public Mono<Void> earn(String shopId, String phone, long points, UUID orderId) {
        return points <= 0 ? Mono.empty() : add(shopId, phone, points).then(record(shopId, phone, orderId, "EARNED", points));
    }

    /**
     * Takes back points a sale earned; a balance already spent below that goes to zero, never negative.
     *
     * @return the points actually taken off the balance: fewer than {@code points} when the customer has spent some
     *         already (those stay a cost of the shop; only what is taken back leaves the liability)
     */
    public Mono<Long> reverseEarning(String shopId, String phone, long points, UUID orderId) {
        if (points <= 0) {
            return Mono.just(0L);
        }
        return db.sql("SELECT balance FROM loyalty_accounts WHERE shop_id = :shop AND phone = :phone FOR UPDATE")
                .bind("shop", shopId).bind("phone", phone).map(r -> r.get("balance", Long.class)).one().defaultIfEmpty(0L)
                .flatMap(before -> db.sql("UPDATE loyalty_accounts SET balance = GREATEST(balance - :p, 0) WHERE shop_id = :shop AND phone = :phone")
                        .bind("p", points).bind("shop", shopId).bind("phone", phone).then()
                        .then(record(shopId, phone, orderId, "EARNING_REVERSED", -points))
                        .thenReturn(Math.min(Math.max(before, 0), points)));
    }

    public Mono<Long> balance(String shopId, String phone) {
        return db.sql("SELECT balance FROM loyalty_accounts WHERE shop_id = :shop AND phone = :phone")
                .bind("shop", shopId).bind("phone", phone).map(r -> r.get("balance", Long.class)).one().defaultIfEmpty(0L);
    }

    public Mono<List<Movement>> history(String shopId, String phone, int limit) {
        return db.sql("SELECT order_id, kind, points, at FROM loyalty_ledger WHERE shop_id = :shop AND phone = :phone ORDER BY id DESC LIMIT :limit")
                .bind("shop", shopId).bind("phone", phone).bind("limit", limit)
                .map(r -> new Movement(r.get("order_id", UUID.class), r.get("kind", String.class), r.get("points", Long.class),
                        r.get("at", OffsetDateTime.class).toInstant()))
                .all().collectList();
    }

    private Mono<Void> add(String shopId, String phone, long points) {
        return db.sql("""
                        INSERT INTO loyalty_accounts (shop_id, phone, balance) VALUES (:shop, :phone, :p)
                        ON CONFLICT (shop_id, phone) DO UPDATE SET balance = loyalty_accounts.balance + excluded.balance""")
                .bind("shop", shopId).bind("phone", phone).bind("p", points).then();
    }

    private Mono<Void> record(String shopId, String phone, UUID orderId, String kind, long points) {
        return db.sql("INSERT INTO loyalty_ledger (shop_id, phone, order_id, kind, points) VALUES (:shop, :phone, :order, :kind, :p)")
                .bind("shop", shopId).bind("phone", phone).bind("order", orderId).bind("kind", kind).bind("p", points).then();
    }

    public record Movement(UUID orderId, String kind, long points, Instant at) {
    }

    public record Balance(String phone, long points, BigDecimal worth, List<Movement> history) {
    }
}
