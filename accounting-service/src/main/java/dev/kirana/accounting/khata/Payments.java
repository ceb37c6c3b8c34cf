package dev.kirana.accounting.khata;

import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** The one writer of {@code khata_payments}. */
@Repository
public class Payments {
    private static final String SELECT = """
            SELECT k.id, k.party_id, k.direction, k.amount, k.mode, k.reference, k.paid_on, k.note, k.reversal_of, k.recorded_by, k.account,
                   k.created_at, (SELECT r.id FROM khata_payments r WHERE r.reversal_of = k.id) AS reversed_by
            FROM khata_payments k""";
    private final DatabaseClient db;

    public Payments(DatabaseClient db) {
        this.db = db;
    }

    public Mono<Void> insert(String shopId, Payment p) {
        var spec = db.sql("""
                        INSERT INTO khata_payments (id, shop_id, party_id, direction, amount, mode, reference, paid_on, note, reversal_of, recorded_by, account)
                        VALUES (:id, :shop, :party, :direction, :amount, :mode, :reference, :date, :note, :reversalOf, :by, :account)""")
                .bind("id", p.id()).bind("shop", shopId).bind("party", p.partyId()).bind("direction", p.direction().name())
                .bind("amount", p.amount()).bind("mode", p.mode().name()).bind("date", p.date()).bind("by", p.recordedBy())
                .bind("account", p.account());
        spec = p.reference() == null ? spec.bindNull("reference", String.class) : spec.bind("reference", p.reference());
        spec = p.note() == null ? spec.bindNull("note", String.class) : spec.bind("note", p.note());
        spec = p.reversalOf() == null ? spec.bindNull("reversalOf", UUID.class) : spec.bind("reversalOf", p.reversalOf());
        return spec.then();
    }

    public Mono<Payment> find(String shopId, UUID id) {
        return db.sql(SELECT + " WHERE k.shop_id = :shop AND k.id = :id")
                .bind("shop", shopId).bind("id", id).map(Payments::read).one();
    }

    /** Locks a payment's row for the rest of the transaction (two reversals of it cannot both pass the check). */
    public Mono<Payment> lock(String shopId, UUID id) {
        return db.sql("SELECT id FROM khata_payments WHERE shop_id = :shop AND id = :id FOR UPDATE")
                .bind("shop", shopId).bind("id", id).map(r -> r.get("id", UUID.class)).one()
                .flatMap(x -> find(shopId, id));
    }

    public Mono<List<Payment>> ofParty(String shopId, UUID partyId) {
        return db.sql(SELECT + " WHERE k.shop_id = :shop AND k.party_id = :party ORDER BY k.paid_on, k.created_at, k.id")
                .bind("shop", shopId).bind("party", partyId).map(Payments::read).all().collectList();
    }

    private static Payment read(Readable r) {
        OffsetDateTime created = r.get("created_at", OffsetDateTime.class);
        return new Payment(r.get("id", UUID.class), r.get("party_id", UUID.class),
                PaymentDirection.valueOf(r.get("direction", String.class)), r.get("amount", BigDecimal.class),
                PaymentMode.valueOf(r.get("mode", String.class)), r.get("reference", String.class), r.get("paid_on", LocalDate.class),
                r.get("note", String.class), r.get("reversal_of", UUID.class), r.get("reversed_by", UUID.class),
                r.get("recorded_by", String.class), created == null ? null : created.toInstant(), null,
                r.get("account", String.class));
    }
}
