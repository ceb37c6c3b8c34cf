package dev.kirana.order.creditlimit;

import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.EventHandler;
import dev.kirana.messaging.InboxProcessor;
import io.cloudevents.CloudEvent;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * order-service's own copy of its customers' khata balances and credit limits, built from accounting events: a CREDIT
 * sale is checked against the limit at the counter without a call to accounting-service, so selling on credit keeps
 * working (and stays fast) while accounting is down or busy, the same choice as the catalog replica. The price is lag:
 * see {@code OrderRepository.creditNotInBooks} for the credit sold since the last balance the replica heard of.
 *
 * <p>Events of one party arrive in order (keyed by the party), but a replay or a reset consumer must not move the
 * replica back: the details only advance with the party's version, the balance with the time of the balance it
 * reports, the credit limit with the time of the event that carried it.
 */
@Component
public class PartyBalanceReplica {
    static final String CONSUMER = "order-service.party-balances";
    /** The first key of this service's advisory locks on parties (two-int keys do not meet single-bigint ones). */
    private static final int LOCK_CLASS = 7301;
    private final DatabaseClient db;
    private final InboxProcessor inbox;
    private final Map<String, EventHandler> handlers;

    public PartyBalanceReplica(DatabaseClient db, InboxProcessor inbox) {
        this.db = db;
        this.inbox = inbox;
        this.handlers = Map.of(EventTypes.PARTY_CREATED, this::created, EventTypes.PARTY_UPDATED, this::updated,
                EventTypes.PARTY_MERGED, this::merged, EventTypes.PARTY_BALANCE_CHANGED, this::balanceChanged);
    }

    @KafkaListener(topics = Topics.ACCOUNTING)
    public void on(ConsumerRecord<String, byte[]> record) {
        inbox.handle(CONSUMER, record, handlers);
    }

    /**
     * The customer a sale names, by GSTIN first, then by phone (the way accounting links a sale to its party). A
     * merged record leads to its survivor, which carries its khata now. Empty when accounting has not told us of such
     * a customer (or of the survivor yet).
     */
    public Mono<PartyBalance> customer(String shopId, String phone, String gstin) {
        if (phone == null && gstin == null) {
            return Mono.empty();
        }
        var spec = db.sql("""
                        SELECT s.party_id, s.name, s.phone, s.gstin, s.balance, s.credit_limit, s.balance_changed_at
                          FROM party_balances m
                          JOIN party_balances s ON s.shop_id = m.shop_id AND s.party_id = COALESCE(m.merged_into, m.party_id)
                         WHERE m.shop_id = :shop AND (m.kind IS NULL OR m.kind = 'CUSTOMER')
                           AND (m.gstin = :gstin OR m.phone = :phone) AND s.merged_into IS NULL
                         ORDER BY CASE WHEN m.gstin = :gstinFirst THEN 0 ELSE 1 END, m.merged_into IS NULL DESC,
                                  s.updated_at DESC
                         LIMIT 1""")
                .bind("shop", shopId);
        spec = nullable(spec, "gstin", gstin);
        spec = nullable(spec, "gstinFirst", gstin);
        spec = nullable(spec, "phone", phone);
        return spec.map(PartyBalanceReplica::map).one();
    }

    /**
     * Credit sales to one customer take turns until the end of the transaction, so two counters cannot each see the
     * other's sale missing and both pass the limit. A transaction-level advisory lock: nothing to clean up.
     */
    public Mono<Void> lockForCreditSale(String shopId, String partyId) {
        return db.sql("SELECT pg_advisory_xact_lock(" + LOCK_CLASS + ", hashtext(:key))")
                .bind("key", shopId + "/" + partyId).then();
    }

    Mono<Void> created(CloudEvent event) {
        AccountingEvents.PartyCreated p = KiranaEvents.data(event, AccountingEvents.PartyCreated.class);
        String shop = KiranaEvents.shopId(event);
        Instant at = p.createdAt() != null ? p.createdAt() : eventTime(event);
        return details(shop, p.partyId(), p.kind(), p.name(), p.phone(), p.gstin(), 0)
                .then(creditLimit(shop, p.partyId(), p.creditLimit(), at))
                // until a balance-changed event arrives, what the customer owes is the opening balance
                .then(balance(shop, p.partyId(), p.openingBalance() == null ? BigDecimal.ZERO : p.openingBalance(), at,
                        null, null, null));
    }

    Mono<Void> updated(CloudEvent event) {
        AccountingEvents.PartyUpdated p = KiranaEvents.data(event, AccountingEvents.PartyUpdated.class);
        String shop = KiranaEvents.shopId(event);
        return details(shop, p.partyId(), p.kind(), p.name(), p.phone(), p.gstin(), p.version())
                .then(creditLimit(shop, p.partyId(), p.creditLimit(), p.updatedAt() != null ? p.updatedAt() : eventTime(event)));
    }

    /** The merged record stops being a customer of its own: its phone and GSTIN now lead to the survivor. */
    Mono<Void> merged(CloudEvent event) {
        AccountingEvents.PartyMerged m = KiranaEvents.data(event, AccountingEvents.PartyMerged.class);
        return db.sql("""
                        INSERT INTO party_balances (shop_id, party_id, kind, merged_into) VALUES (:shop, :id, :kind, :survivor)
                        ON CONFLICT (shop_id, party_id) DO UPDATE SET merged_into = excluded.merged_into, updated_at = now()""")
                .bind("shop", KiranaEvents.shopId(event)).bind("id", m.mergedPartyId()).bind("kind", m.kind())
                .bind("survivor", m.partyId()).then();
    }

    Mono<Void> balanceChanged(CloudEvent event) {
        AccountingEvents.PartyBalanceChanged b = KiranaEvents.data(event, AccountingEvents.PartyBalanceChanged.class);
        String shop = KiranaEvents.shopId(event);
        Instant at = b.changedAt() != null ? b.changedAt() : eventTime(event);
        return balance(shop, b.partyId(), b.balance(), at, b.mergedInto(), b.phone(), b.gstin())
                .then(creditLimit(shop, b.partyId(), b.creditLimit(), at))
                .then(b.kind() == null ? Mono.<Void>empty() : db.sql(
                                "UPDATE party_balances SET kind = :kind WHERE shop_id = :shop AND party_id = :id AND kind IS NULL")
                        .bind("kind", b.kind()).bind("shop", shop).bind("id", b.partyId()).then());
    }

    private Mono<Void> details(String shop, String partyId, String kind, String name, String phone, String gstin, int version) {
        var spec = db.sql("""
                        INSERT INTO party_balances (shop_id, party_id, kind, name, phone, gstin, details_version)
                        VALUES (:shop, :id, :kind, :name, :phone, :gstin, :version)
                        ON CONFLICT (shop_id, party_id) DO UPDATE SET kind = excluded.kind, name = excluded.name,
                            phone = excluded.phone, gstin = excluded.gstin, details_version = excluded.details_version,
                            updated_at = now()
                        WHERE party_balances.details_version < excluded.details_version""")
                .bind("shop", shop).bind("id", partyId).bind("version", version);
        spec = nullable(spec, "kind", kind);
        spec = nullable(spec, "name", name);
        spec = nullable(spec, "phone", blank(phone));
        spec = nullable(spec, "gstin", blank(gstin));
        return spec.then();
    }

    private Mono<Void> balance(String shop, String partyId, BigDecimal balance, Instant at, String mergedInto,
                               String phone, String gstin) {
        var spec = db.sql("""
                        INSERT INTO party_balances (shop_id, party_id, balance, balance_changed_at, merged_into, phone, gstin)
                        VALUES (:shop, :id, :balance, :at, :merged, :phone, :gstin)
                        ON CONFLICT (shop_id, party_id) DO UPDATE SET balance = excluded.balance,
                            balance_changed_at = excluded.balance_changed_at,
                            merged_into = COALESCE(excluded.merged_into, party_balances.merged_into),
                            phone = COALESCE(excluded.phone, party_balances.phone),
                            gstin = COALESCE(excluded.gstin, party_balances.gstin), updated_at = now()
                        WHERE party_balances.balance_changed_at IS NULL
                           OR party_balances.balance_changed_at <= excluded.balance_changed_at""")
                .bind("shop", shop).bind("id", partyId).bind("balance", balance).bind("at", utc(at));
        spec = nullable(spec, "merged", mergedInto);
        spec = nullable(spec, "phone", blank(phone));
        spec = nullable(spec, "gstin", blank(gstin));
        return spec.then();
    }

    /** A null limit is news too: the shop removed it. */
    private Mono<Void> creditLimit(String shop, String partyId, BigDecimal limit, Instant at) {
        var spec = db.sql("""
                        INSERT INTO party_balances (shop_id, party_id, credit_limit, credit_limit_at) VALUES (:shop, :id, :limit, :at)
                        ON CONFLICT (shop_id, party_id) DO UPDATE SET credit_limit = excluded.credit_limit,
                            credit_limit_at = excluded.credit_limit_at, updated_at = now()
                        WHERE party_balances.credit_limit_at IS NULL OR party_balances.credit_limit_at <= excluded.credit_limit_at""")
                .bind("shop", shop).bind("id", partyId).bind("at", utc(at));
        spec = limit == null ? spec.bindNull("limit", BigDecimal.class) : spec.bind("limit", limit);
        return spec.then();
    }

    private static Instant eventTime(CloudEvent event) {
        return event.getTime() == null ? Instant.now() : event.getTime().toInstant();
    }

    private static PartyBalance map(Readable r) {
        OffsetDateTime at = r.get("balance_changed_at", OffsetDateTime.class);
        return new PartyBalance(r.get("party_id", String.class), r.get("name", String.class), r.get("phone", String.class),
                r.get("gstin", String.class), r.get("balance", BigDecimal.class), r.get("credit_limit", BigDecimal.class),
                at == null ? null : at.toInstant());
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    private static DatabaseClient.GenericExecuteSpec nullable(DatabaseClient.GenericExecuteSpec spec, String name, String value) {
        return value == null ? spec.bindNull(name, String.class) : spec.bind(name, value);
    }
}
