package dev.kirana.auth.shop;

import dev.kirana.auth.audit.AuditRecord;
import dev.kirana.auth.audit.AuditTrail;
import dev.kirana.backup.ShopPurge;
import dev.kirana.events.EventTypes;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Deleting a shop: soft first, then purged.
 *
 * <p>An owner deletes a shop by typing its name back, and only with a full export ({@link FullExport}: every
 * data-holding service's backup of it, taken within {@code kirana.auth.shop-deletion.export-max-age}). The shop becomes
 * DELETED: no token is issued or refreshed for it (its sessions are revoked at once; access tokens it already had live
 * at most {@code kirana.auth.access-token-ttl}, 15 minutes by default), auth-service refuses its members' requests for
 * it, and its owner may restore it until {@code purgeAfter} (the restore window, 30 days by default).
 *
 * <p>Once the window closed, the purge job deletes the shop's rows here and publishes {@code kirana.shop.purged.v1},
 * on which every data-holding service deletes its rows of the shop, all through the outbox in one transaction with the
 * deletes. <b>What is kept, and why:</b> the shop's personal and operational data (members, devices, sessions, API
 * clients, employees, attendance, salaries) and, in the other services, everything including the books, are purged:
 * the export the deletion required hands the shop every row, and the duty to keep books and vouchers for eight years
 * (Companies Act 2013 s.128(5); CGST Act s.36, 72 months from the annual return's due date) is the shop's, met by that
 * export. Kirana keeps two things: the shop's audit chain (its own evidence of who did what, the deletion and the
 * backups before it included; the Companies (Accounts) Rules ask accounting software's audit trail to be kept as long
 * as the books), and a tombstone row (id, name, state, GSTIN, dates; the address is cleared) that the chain belongs
 * to. The audit trail is append-only (a trigger refuses deletes); the purge leaves it alone, by
 * {@code kirana.shop-purge.keep}.
 */
@Service
public class ShopDeletion {
    /** The audit record each data-holding service's backup leaves (entity id = the service's name). */
    public static final String BACKUP_ACTION = "backup.created";
    public static final String BACKUP_ENTITY = "shop-backup";
    private static final Logger log = LoggerFactory.getLogger(ShopDeletion.class);

    private final Shops shops;
    private final ShopSessions sessions;
    private final AuditTrail audit;
    private final OutboxWriter outbox;
    private final ShopPurge purge;
    private final TransactionalOperator tx;
    private final ShopDeletionProperties props;
    private final Clock clock;

    public ShopDeletion(Shops shops, ShopSessions sessions, AuditTrail audit, OutboxWriter outbox, ShopPurge purge,
                        TransactionalOperator tx, ShopDeletionProperties props, Clock clock) {
        this.shops = shops;
        this.sessions = sessions;
        this.audit = audit;
        this.outbox = outbox;
        this.purge = purge;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    /** Soft-deletes the shop (the caller is its owner, checked before). */
    public Mono<Shop> delete(UUID shopId, UUID ownerId, String confirmName) {
        Mono<Shop> work = locked(shopId).flatMap(shop -> {
            if (confirmName == null || !confirmName.trim().equals(shop.name())) {
                return Mono.error(Problems.invalid("confirmName", "must be the shop's name exactly as it is shown, to confirm the deletion"));
            }
            Instant now = clock.instant();
            ShopLifecycle next;
            try {
                next = shop.lifecycle().delete(now, props.restoreWindow());
            } catch (ShopLifecycle.Refused e) {
                return Mono.error(Problems.of(HttpStatus.CONFLICT, "shop-deleted", "Shop deleted already",
                        "Shop " + shopId + " was deleted at " + shop.lifecycle().deletedAt()
                                + (shop.lifecycle().purgeAfter() == null ? "" : "; it can be restored until " + shop.lifecycle().purgeAfter())));
            }
            return latestBackups(shopId, now).flatMap(backups -> {
                List<FullExport.Gap> gaps = FullExport.gaps(backups, props.exportServices(), now, props.exportMaxAge());
                if (!gaps.isEmpty()) {
                    return Mono.error(exportRequired(gaps));
                }
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("status", next.status().name());
                after.put("purgeAfter", next.purgeAfter().toString());
                Map<String, String> taken = new LinkedHashMap<>();
                props.exportServices().forEach(s -> taken.put(s, backups.get(s).toString()));
                after.put("backups", taken);
                return shops.setLifecycle(shopId, next, ownerId)
                        .then(sessions.revokeAllInShop(shopId, "shop-deleted"))
                        .then(audit.append(shopId, AuditTrail.Entry.of(ownerId, "shop.deleted", "shop", shopId)
                                .change(AuditTrail.json(Map.of("status", ShopStatus.ACTIVE.name())), AuditTrail.json(after))))
                        .then(shops.seenBy(shopId, ownerId));
            });
        });
        return tx.transactional(work);
    }

    /** Brings a deleted shop back while its restore window is open (the caller is its owner, checked before). */
    public Mono<Shop> restore(UUID shopId, UUID ownerId) {
        Mono<Shop> work = locked(shopId).flatMap(shop -> {
            ShopLifecycle next;
            try {
                next = shop.lifecycle().restore(clock.instant());
            } catch (ShopLifecycle.Refused e) {
                return Mono.error(e.reason() == ShopLifecycle.Refusal.WINDOW_CLOSED
                        ? Problems.of(HttpStatus.GONE, "restore-window-closed", "Restore window closed",
                        "Shop " + shopId + " could be restored until " + shop.lifecycle().purgeAfter() + "; it is purged or being purged")
                        : Problems.of(HttpStatus.CONFLICT, "shop-not-deleted", "Shop not deleted", "Shop " + shopId + " is not deleted"));
            }
            Map<String, Object> before = new LinkedHashMap<>();
            before.put("status", shop.lifecycle().status().name());
            before.put("deletedAt", shop.lifecycle().deletedAt().toString());
            before.put("purgeAfter", shop.lifecycle().purgeAfter().toString());
            return shops.setLifecycle(shopId, next, ownerId)
                    .then(audit.append(shopId, AuditTrail.Entry.of(ownerId, "shop.restored", "shop", shopId)
                            .change(AuditTrail.json(before), AuditTrail.json(Map.of("status", next.status().name())))))
                    .then(shops.seenBy(shopId, ownerId));
        });
        return tx.transactional(work);
    }

    /** Purges every deleted shop whose window closed, one transaction each. @return the shops purged */
    public Mono<Long> purgeDue() {
        return shops.purgeDue(clock.instant(), 100).collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(shop -> purge(shop).onErrorResume(e -> {
                    log.error("purge of shop {} failed; it is tried again on the next run", shop, e);
                    return Mono.just(false);
                }))
                .filter(Boolean::booleanValue).count();
    }

    /**
     * Purges one shop if its window closed and no other replica is at it: the shop's rows here (all but the audit
     * chain), {@code shop.purged} in the outbox, an audit record of what went, and the tombstone, in one transaction.
     * @return whether it was purged now
     */
    public Mono<Boolean> purge(UUID shopId) {
        Mono<Boolean> work = shops.lock(shopId, true).flatMap(shop -> {
            Instant now = clock.instant();
            if (!shop.lifecycle().purgeDue(now)) {
                return Mono.just(false);
            }
            ShopLifecycle next = shop.lifecycle().purge(now);
            return purge.purge(shopId.toString()).flatMap(purged -> {
                Map<String, Object> after = new LinkedHashMap<>();
                after.put("status", next.status().name());
                after.put("rowsDeleted", purged.rows());
                return outbox.append(Topics.SHOP, EventTypes.SHOP_PURGED, shopId.toString(), shopId.toString(),
                                new ShopEvents.ShopPurged(shopId.toString(), shop.name(), shop.gstin(), next.deletedAt().toString(),
                                        now.toString()))
                        .then(audit.append(shopId, AuditTrail.Entry.of(null, "shop.purged", "shop", shopId)
                                .change(AuditTrail.json(Map.of("status", ShopStatus.DELETED.name())), AuditTrail.json(after))))
                        .then(shops.setLifecycle(shopId, next, null))
                        .doOnSuccess(v -> log.info("shop {} purged: {} rows deleted in auth-service", shopId, purged.total()))
                        .thenReturn(true);
            });
        }).defaultIfEmpty(false);
        return tx.transactional(work);
    }

    private Mono<Shops.Locked> locked(UUID shopId) {
        return shops.lock(shopId, false).switchIfEmpty(Mono.error(Problems.notFound("Shop " + shopId + " not found")));
    }

    /** Each service's latest backup of the shop within the export's maximum age, from the audit trail. */
    private Mono<Map<String, Instant>> latestBackups(UUID shopId, Instant now) {
        return audit.find(shopId, new AuditTrail.Query(null, BACKUP_ACTION, BACKUP_ENTITY, null, now.minus(props.exportMaxAge()), null, 0, 10_000))
                .map(records -> {
                    Map<String, Instant> latest = new LinkedHashMap<>();
                    for (AuditRecord r : records) {
                        if (r.entityId() != null) {
                            latest.merge(r.entityId(), r.at(), (a, b) -> a.isAfter(b) ? a : b);
                        }
                    }
                    return latest;
                });
    }

    private ErrorResponseException exportRequired(List<FullExport.Gap> gaps) {
        List<String> services = gaps.stream().map(FullExport.Gap::service).toList();
        return Problems.of(HttpStatus.CONFLICT, "export-required", "Full export required",
                "Deleting a shop needs a backup of every service that holds its data, taken within the last "
                        + props.exportMaxAge().toHours() + " h; missing or stale: "
                        + String.join(", ", gaps.stream().map(FullExport.Gap::describe).toList())
                        + ". Take them (kirana backup, or POST each service's /backup) and try again.",
                Map.of("services", services));
    }
}
