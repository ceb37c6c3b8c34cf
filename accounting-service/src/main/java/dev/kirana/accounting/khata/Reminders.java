package dev.kirana.accounting.khata;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The payment reminders sent ({@code khata_reminders}). */
@Component
public class Reminders {
    private final DatabaseClient db;

    public Reminders(DatabaseClient db) {
        this.db = db;
    }

    /**
     * Holds the party's reminder lock to the end of the transaction: a second request for the same party waits here
     * until the first has committed its reminder, then sees it. Payments on the party are not held up.
     */
    Mono<Void> lock(String shopId, UUID partyId) {
        return db.sql("SELECT 1 AS locked FROM pg_advisory_xact_lock(hashtextextended(:key, 0))")
                .bind("key", "khata-reminder:" + shopId + ":" + partyId)
                .map(r -> 1).first().then();
    }

    /** How long until the party may be reminded again, by the database's clock; zero when it may be now. */
    Mono<Duration> waitLeft(String shopId, UUID partyId, Duration interval) {
        return db.sql("""
                        SELECT CAST(CEIL(EXTRACT(EPOCH FROM (max(sent_at) + make_interval(secs => CAST(:secs AS double precision)) - now())))
                               AS BIGINT) AS wait
                        FROM khata_reminders WHERE shop_id = :shop AND party_id = :party""")
                .bind("shop", shopId).bind("party", partyId).bind("secs", interval.toSeconds())
                .map(r -> {
                    Long wait = r.get("wait", Long.class);
                    return wait == null || wait <= 0 ? Duration.ZERO : Duration.ofSeconds(wait);
                }).one();
    }

    Mono<PaymentReminder> insert(String shopId, UUID id, UUID partyId, BigDecimal amountDue, String phone, String message, String by) {
        return db.sql("""
                        INSERT INTO khata_reminders (id, shop_id, party_id, amount_due, phone, message, sent_by)
                        VALUES (:id, :shop, :party, :amount, :phone, :message, :by)
                        RETURNING id, party_id, amount_due, phone, message, sent_by, sent_at""")
                .bind("id", id).bind("shop", shopId).bind("party", partyId).bind("amount", amountDue).bind("phone", phone)
                .bind("message", message).bind("by", by)
                .map(Reminders::read).one();
    }

    /** The party's reminders, newest first. */
    Mono<List<PaymentReminder>> ofParty(String shopId, UUID partyId) {
        return db.sql("""
                        SELECT id, party_id, amount_due, phone, message, sent_by, sent_at FROM khata_reminders
                        WHERE shop_id = :shop AND party_id = :party ORDER BY sent_at DESC, id""")
                .bind("shop", shopId).bind("party", partyId)
                .map(Reminders::read).all().collectList();
    }

    private static PaymentReminder read(Readable r) {
        return new PaymentReminder(r.get("id", UUID.class), r.get("party_id", UUID.class), r.get("amount_due", BigDecimal.class),
                r.get("phone", String.class), r.get("message", String.class), r.get("sent_by", String.class),
                r.get("sent_at", OffsetDateTime.class).toInstant());
    }
}
