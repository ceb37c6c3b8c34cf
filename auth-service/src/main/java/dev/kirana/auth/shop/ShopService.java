package dev.kirana.auth.shop;

import dev.kirana.auth.audit.AuditTrail;
import dev.kirana.events.EventTypes;
import dev.kirana.india.Gstin;
import dev.kirana.india.StateCodes;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import java.util.Currency;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Creating and changing shops. Every change and its event commit together (outbox). */
@Service
public class ShopService {
    private final Shops shops;
    private final Memberships memberships;
    private final OutboxWriter outbox;
    private final TransactionalOperator tx;
    private final AuditTrail audit;

    public ShopService(Shops shops, Memberships memberships, OutboxWriter outbox, TransactionalOperator tx, AuditTrail audit) {
        this.audit = audit;
        this.shops = shops;
        this.memberships = memberships;
        this.outbox = outbox;
        this.tx = tx;
    }

    /** Creates a shop owned by {@code ownerId}: shop.created and member.added (OWNER) are published. */
    public Mono<Shop> create(UUID ownerId, ShopRequests.CreateShop r) {
        return create(UUID.randomUUID(), ownerId, r);
    }

    /**
     * The name as stored, trimmed. Control characters are refused for every request before this runs
     * ({@code NulText}); what can still trim to nothing is an update's name of spaces only, which {@code @Size(min = 1)}
     * lets through: that is a 400, not a shop without a name.
     */
    static String shopName(String requested) {
        String name = requested.trim();
        if (name.isEmpty()) {
            throw Problems.invalid("name", "must have a visible character, not only spaces");
        }
        return name;
    }

    public Mono<Shop> create(UUID shopId, UUID ownerId, ShopRequests.CreateShop r) {
        String currency = r.currency() == null ? "INR" : r.currency();
        Shop.RegistrationType type = r.registrationType() == null ? Shop.RegistrationType.REGULAR : r.registrationType();
        String gstin = blankToNull(r.gstin());
        String name = shopName(r.name());
        String address = blankToNull(r.address());
        int fy = r.financialYearStartMonth() == null ? 4 : r.financialYearStartMonth();
        check(r.stateCode(), gstin, currency, type);
        String zone = zone(r.timeZone(), DEFAULT_ZONE);
        Mono<Shop> work = shops.insert(shopId, name, address, r.stateCode(), gstin, currency, fy, type, zone, ownerId)
                .then(memberships.add(shopId, ownerId, Role.OWNER))
                .then(outbox.append(Topics.SHOP, EventTypes.SHOP_CREATED, shopId.toString(), shopId.toString(),
                        new ShopEvents.ShopCreated(shopId.toString(), name, r.stateCode(), gstin, currency, type.name(), ownerId.toString(), zone)))
                .then(outbox.append(Topics.SHOP, EventTypes.MEMBER_ADDED, shopId.toString(), shopId.toString(),
                        new ShopEvents.MemberAdded(shopId.toString(), ownerId.toString(), Role.OWNER.name())))
                .then(audit.append(shopId, AuditTrail.Entry.of(ownerId, "shop.created", "shop", shopId)
                        .change(null, AuditTrail.json(settings(name, address, r.stateCode(), gstin, type, fy, zone)))))
                .then(shops.seenBy(shopId, ownerId));
        return tx.transactional(work);
    }

    public Mono<Shop> get(UUID shopId, UUID userId) {
        return shops.seenBy(shopId, userId).switchIfEmpty(Mono.error(Problems.notFound("Shop " + shopId + " not found")));
    }

    public Flux<Shop> mine(UUID userId) {
        return shops.of(userId);
    }

    /** Applies a partial update (owner only, checked by the caller). {@code ifMatch} (an ETag) guards against lost updates. */
    public Mono<Shop> update(UUID shopId, UUID userId, ShopRequests.UpdateShop r, String ifMatch) {
        Mono<Shop> work = get(shopId, userId).flatMap(current -> {
            if (ifMatch != null && !ifMatch.equals("*") && !ifMatch.equals(current.etag())) {
                return Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale", "Changed meanwhile",
                        "The shop changed since you read it (ETag " + current.etag() + "); read it again and retry"));
            }
            String state = r.stateCode() == null ? current.stateCode() : r.stateCode();
            String gstin = r.gstin() == null ? current.gstin() : blankToNull(r.gstin());
            Shop.RegistrationType type = r.registrationType() == null ? current.registrationType() : r.registrationType();
            check(state, gstin, current.currency(), type);
            Shop next = new Shop(current.id(), r.name() == null ? current.name() : shopName(r.name()),
                    r.address() == null ? current.address() : blankToNull(r.address()), state, StateCodes.name(state), gstin,
                    current.currency(), r.financialYearStartMonth() == null ? current.financialYearStartMonth() : r.financialYearStartMonth(),
                    type, zone(r.timeZone(), current.timeZone()), current.role(), current.createdAt(), current.version(),
                    current.status(), current.deletedAt(), current.purgeAfter());
            return shops.update(next, current.version()).flatMap(n -> n == 0
                    ? Mono.error(Problems.of(HttpStatus.PRECONDITION_FAILED, "stale", "Changed meanwhile",
                    "The shop changed while you were updating it; read it again and retry"))
                    : outbox.append(Topics.SHOP, EventTypes.SHOP_UPDATED, shopId.toString(), shopId.toString(),
                    new ShopEvents.ShopUpdated(shopId.toString(), next.name(), next.stateCode(), next.gstin(), next.currency(),
                            next.registrationType().name(), next.financialYearStartMonth(), next.timeZone()))
                    .then(audit.append(shopId, AuditTrail.Entry.of(userId, "shop.settings-changed", "shop", shopId).change(
                            AuditTrail.json(settings(current.name(), current.address(), current.stateCode(), current.gstin(),
                                    current.registrationType(), current.financialYearStartMonth(), current.timeZone())),
                            AuditTrail.json(settings(next.name(), next.address(), next.stateCode(), next.gstin(),
                                    next.registrationType(), next.financialYearStartMonth(), next.timeZone())))))
                    .then(shops.seenBy(shopId, userId)));
        });
        return tx.transactional(work);
    }

    static final String DEFAULT_ZONE = "Asia/Kolkata";

    private static java.util.Map<String, Object> settings(String name, String address, String state, String gstin,
                                                          Shop.RegistrationType type, int fyStart, String zone) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        m.put("name", name);
        m.put("address", address);
        m.put("stateCode", state);
        m.put("gstin", gstin);
        m.put("registrationType", type.name());
        m.put("financialYearStartMonth", fyStart);
        m.put("timeZone", zone);
        return m;
    }

    /** The IANA zone named ({@code fallback} when null), or a 400 naming the field. */
    static String zone(String requested, String fallback) {
        if (requested == null || requested.isBlank()) {
            return fallback;
        }
        try {
            String id = java.time.ZoneId.of(requested.trim()).getId();
            if (!id.contains("/") && !id.equals("UTC")) {
                throw new java.time.DateTimeException("not a region");
            }
            return id;
        } catch (java.time.DateTimeException e) {
            throw Problems.invalid("timeZone", "must be an IANA time zone such as Asia/Kolkata");
        }
    }

    private static void check(String stateCode, String gstin, String currency, Shop.RegistrationType type) {
        if (!StateCodes.isValid(stateCode)) {
            throw Problems.invalid("stateCode", stateCode + " is not a GST state code (01-38, or 97)");
        }
        if (gstin != null) {
            Gstin.problem(gstin, stateCode).ifPresent(p -> {
                throw Problems.invalid("gstin", p);
            });
            if (type == Shop.RegistrationType.UNREGISTERED) {
                throw Problems.invalid("registrationType", "a shop with a GSTIN is registered: REGULAR or COMPOSITION");
            }
        }
        try {
            Currency.getInstance(currency);
        } catch (IllegalArgumentException e) {
            throw Problems.invalid("currency", currency + " is not an ISO 4217 currency code");
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
