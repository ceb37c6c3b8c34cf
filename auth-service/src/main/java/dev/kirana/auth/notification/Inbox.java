package dev.kirana.auth.notification;

import dev.kirana.web.problem.Problems;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Mono;

/** A member's own notifications in one shop. Another member's item does not exist for them (404). */
@Service
public class Inbox {
    private final DatabaseClient db;
    private final Clock clock;

    public Inbox(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public record Item(UUID id, String kind, String title, String body, boolean urgent, boolean read, Instant createdAt, Instant readAt) {
    }

    /** One page of the inbox: unread first, then newest. */
    public record Page(List<Item> items, int page, int size, boolean hasMore, long unread) {
    }

    public Mono<Page> list(UUID shopId, UUID userId, boolean unreadOnly, int page, int size) {
        String sql = "SELECT * FROM notification WHERE shop_id = :shop AND user_id = :user" + (unreadOnly ? " AND read_at IS NULL" : "")
                + " ORDER BY (read_at IS NOT NULL), created_at DESC, id DESC LIMIT :limit OFFSET :offset";
        Mono<List<Item>> items = db.sql(sql).bind("shop", shopId).bind("user", userId).bind("limit", size + 1).bind("offset", (long) page * size)
                .map(row -> {
                    Instant readAt = instant(row.get("read_at", OffsetDateTime.class));
                    return new Item(row.get("id", UUID.class), row.get("kind", String.class), row.get("title", String.class),
                            row.get("body", String.class), Boolean.TRUE.equals(row.get("urgent", Boolean.class)), readAt != null,
                            instant(row.get("created_at", OffsetDateTime.class)), readAt);
                })
                .all().collectList();
        return items.zipWhen(all -> unread(shopId, userId))
                .map(t -> new Page(t.getT1().size() > size ? t.getT1().subList(0, size) : t.getT1(), page, size, t.getT1().size() > size, t.getT2()));
    }

    public Mono<Long> unread(UUID shopId, UUID userId) {
        return db.sql("SELECT count(*) AS n FROM notification WHERE shop_id = :shop AND user_id = :user AND read_at IS NULL")
                .bind("shop", shopId).bind("user", userId).map(row -> row.get("n", Long.class)).one();
    }

    public Mono<Void> markRead(UUID shopId, UUID userId, UUID id) {
        return db.sql("UPDATE notification SET read_at = coalesce(read_at, :now) WHERE id = :id AND shop_id = :shop AND user_id = :user")
                .bind("now", now()).bind("id", id).bind("shop", shopId).bind("user", userId)
                .fetch().rowsUpdated().flatMap(n -> n == 0 ? Mono.error(notFound(id)) : Mono.empty());
    }

    /** @return how many were unread */
    public Mono<Long> markAllRead(UUID shopId, UUID userId) {
        return db.sql("UPDATE notification SET read_at = :now WHERE shop_id = :shop AND user_id = :user AND read_at IS NULL")
                .bind("now", now()).bind("shop", shopId).bind("user", userId).fetch().rowsUpdated();
    }

    public Mono<Void> delete(UUID shopId, UUID userId, UUID id) {
        return db.sql("DELETE FROM notification WHERE id = :id AND shop_id = :shop AND user_id = :user")
                .bind("id", id).bind("shop", shopId).bind("user", userId)
                .fetch().rowsUpdated().flatMap(n -> n == 0 ? Mono.error(notFound(id)) : Mono.empty());
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static RuntimeException notFound(UUID id) {
        return Problems.notFound("Notification " + id + " not found");
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
