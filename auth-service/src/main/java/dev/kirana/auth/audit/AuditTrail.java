package dev.kirana.auth.audit;

import tools.jackson.databind.json.JsonMapper;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Appends to and reads a shop's audit trail. An append joins the caller's transaction (so the record exists exactly
 * when the action does) and takes the shop's advisory lock, so the chain has one writer at a time.
 */
@Service
public class AuditTrail {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** JSON text of a before/after state (a {@code LinkedHashMap} keeps its order, and so the hash stable). */
    public static String json(Object state) {
        return state == null ? null : JSON.writeValueAsString(state);
    }

    /** Reactor context key for the caller's address, set by platform/web's {@code AuditContextFilter}. */
    public static final String IP = dev.kirana.web.audit.AuditContext.IP;

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Clock clock;

    public AuditTrail(DatabaseClient db, TransactionalOperator tx, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.clock = clock;
    }

    /** What happened, to what, and the state before and after (JSON text, or null). */
    public record Entry(UUID actorId, String action, String entityType, String entityId, UUID deviceId, String before, String after) {
        public static Entry of(UUID actorId, String action, String entityType, Object entityId) {
            return new Entry(actorId, action, entityType, entityId == null ? null : entityId.toString(), null, null, null);
        }

        public Entry change(String before, String after) {
            return new Entry(actorId, action, entityType, entityId, deviceId, before, after);
        }

        public Entry device(UUID device) {
            return new Entry(actorId, action, entityType, entityId, device, before, after);
        }
    }

    public Mono<Void> append(UUID shopId, Entry e) {
        return Mono.deferContextual(ctx -> insert(shopId, e, null, ctx.<String>getOrEmpty(IP).orElse(null), null));
    }

    /**
     * Appends what another service recorded ({@code kirana.audit.recorded.v1}): at the time it was taken, from the
     * address it was taken from, naming that service.
     */
    public Mono<Void> appendRecorded(UUID shopId, Entry e, Instant at, String ip, Origin origin) {
        return insert(shopId, e, at, ip, origin);
    }

    /** Where a record another service sent comes from: the service, the caller's role there, a partner client's id. */
    public record Origin(String source, String actorRole, String actorClientId) {
    }

    private Mono<Void> insert(UUID shopId, Entry e, Instant takenAt, String ip, Origin origin) {
        String source = origin == null ? null : origin.source();
        String role = origin == null ? null : origin.actorRole();
        String client = origin == null ? null : origin.actorClientId();
        Mono<Void> work = Mono.defer(() -> {
            return db.sql("SELECT pg_advisory_xact_lock(hashtextextended('audit:' || :shop, 0))").bind("shop", shopId.toString())
                    .fetch().rowsUpdated()
                    .then(db.sql("SELECT seq, hash FROM audit_record WHERE shop_id = :shop ORDER BY seq DESC LIMIT 1")
                            .bind("shop", shopId)
                            .map(row -> new Object[] {row.get("seq", Long.class), row.get("hash", String.class)})
                            .one()
                            .defaultIfEmpty(new Object[] {0L, AuditChain.GENESIS}))
                    .flatMap(last -> {
                        long seq = (Long) last[0] + 1;
                        String prev = (String) last[1];
                        Instant at = (takenAt != null ? takenAt : clock.instant()).truncatedTo(ChronoUnit.MICROS);
                        AuditRecord unsigned = new AuditRecord(shopId, seq, at, e.actorId(), e.action(), e.entityType(), e.entityId(),
                                e.deviceId(), ip, e.before(), e.after(), prev, null, source, role, client);
                        String hash = AuditChain.hash(prev, unsigned);
                        DatabaseClient.GenericExecuteSpec insert = db.sql("""
                                        INSERT INTO audit_record (shop_id, seq, at, actor_id, action, entity_type, entity_id, device_id,
                                                                  ip, before_json, after_json, prev_hash, hash, source, actor_role, actor_client_id)
                                        VALUES (:shop, :seq, :at, :actor, :action, :type, :entity, :device, :ip, :before, :after, :prev, :hash,
                                                :source, :role, :client)""")
                                .bind("shop", shopId).bind("seq", seq).bind("at", OffsetDateTime.ofInstant(at, ZoneOffset.UTC))
                                .bind("action", e.action()).bind("type", e.entityType()).bind("prev", prev).bind("hash", hash);
                        insert = bindOrNull(insert, "actor", e.actorId(), UUID.class);
                        insert = bindOrNull(insert, "entity", e.entityId(), String.class);
                        insert = bindOrNull(insert, "device", e.deviceId(), UUID.class);
                        insert = bindOrNull(insert, "ip", ip, String.class);
                        insert = bindOrNull(insert, "before", e.before(), String.class);
                        insert = bindOrNull(insert, "after", e.after(), String.class);
                        insert = bindOrNull(insert, "source", source, String.class);
                        insert = bindOrNull(insert, "role", role, String.class);
                        insert = bindOrNull(insert, "client", client, String.class);
                        return insert.then();
                    });
        });
        return tx.transactional(work);
    }

    /** The same entry in every shop the user belongs to (a login concerns each of them). */
    public Mono<Void> appendForUser(UUID userId, Entry e) {
        return db.sql("SELECT shop_id FROM membership WHERE user_id = :user ORDER BY shop_id").bind("user", userId)
                .map(row -> row.get("shop_id", UUID.class)).all().collectList()
                .flatMapMany(Flux::fromIterable)
                .concatMap(shop -> append(shop, e))
                .then();
    }

    private static DatabaseClient.GenericExecuteSpec bindOrNull(DatabaseClient.GenericExecuteSpec spec, String name, Object value, Class<?> type) {
        return value == null ? spec.bindNull(name, type) : spec.bind(name, value);
    }

    /** Filters of a query; nulls match everything. */
    public record Query(UUID actorId, String action, String entityType, String entityId, Instant from, Instant to, long afterSeq, int limit) {
    }

    public Mono<List<AuditRecord>> find(UUID shopId, Query q) {
        StringBuilder sql = new StringBuilder("SELECT * FROM audit_record WHERE shop_id = :shop AND seq > :after");
        if (q.actorId() != null) sql.append(" AND actor_id = :actor");
        if (q.action() != null) sql.append(" AND action = :action");
        if (q.entityType() != null) sql.append(" AND entity_type = :type");
        if (q.entityId() != null) sql.append(" AND entity_id = :entity");
        if (q.from() != null) sql.append(" AND at >= :from");
        if (q.to() != null) sql.append(" AND at < :to");
        sql.append(" ORDER BY seq LIMIT :limit");
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql.toString()).bind("shop", shopId).bind("after", q.afterSeq()).bind("limit", q.limit());
        if (q.actorId() != null) spec = spec.bind("actor", q.actorId());
        if (q.action() != null) spec = spec.bind("action", q.action());
        if (q.entityType() != null) spec = spec.bind("type", q.entityType());
        if (q.entityId() != null) spec = spec.bind("entity", q.entityId());
        if (q.from() != null) spec = spec.bind("from", OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        if (q.to() != null) spec = spec.bind("to", OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        return spec.map(row -> new AuditRecord(row.get("shop_id", UUID.class), row.get("seq", Long.class),
                        row.get("at", OffsetDateTime.class).toInstant(), row.get("actor_id", UUID.class), row.get("action", String.class),
                        row.get("entity_type", String.class), row.get("entity_id", String.class), row.get("device_id", UUID.class),
                        row.get("ip", String.class), row.get("before_json", String.class), row.get("after_json", String.class),
                        row.get("prev_hash", String.class), row.get("hash", String.class), row.get("source", String.class),
                        row.get("actor_role", String.class), row.get("actor_client_id", String.class)))
                .all().collectList();
    }

    /** The result of checking a shop's whole chain. */
    public record Verification(boolean intact, long records, String lastHash, Long brokenAt, String reason) {
    }

    /** Re-computes the shop's whole chain, page by page. */
    public Mono<Verification> verify(UUID shopId) {
        int page = 1000;
        return Mono.defer(() -> {
            List<AuditRecord> all = new ArrayList<>();
            return collect(shopId, 0L, page, all)
                    .then(Mono.fromSupplier(() -> {
                        Optional<AuditChain.Break> broken = AuditChain.verify(all);
                        String last = all.isEmpty() ? AuditChain.GENESIS : all.get(all.size() - 1).hash();
                        return broken.map(b -> new Verification(false, all.size(), last, b.seq(), b.reason()))
                                .orElse(new Verification(true, all.size(), last, null, null));
                    }));
        });
    }

    private Mono<Void> collect(UUID shopId, long after, int page, List<AuditRecord> into) {
        return find(shopId, new Query(null, null, null, null, null, null, after, page)).flatMap(batch -> {
            into.addAll(batch);
            return batch.size() < page ? Mono.<Void>empty() : collect(shopId, batch.get(batch.size() - 1).seq(), page, into);
        });
    }
}
