package dev.kirana.auth.notification;

import dev.kirana.web.security.Role;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Writes notifications: one inbox item per addressed member, in their language, and one delivery-log row per outside
 * channel the rule names and the member allows (and has an address for). Joins the caller's transaction: an event's
 * notifications commit with its inbox row, or not at all. Nothing is sent here; see {@link Deliveries}.
 */
@Service
public class Notifier {
    private final DatabaseClient db;
    private final Clock clock;

    public Notifier(DatabaseClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    record Recipient(UUID userId, String name, String email, String phone, NotificationPreferences.Preferences prefs) {
    }

    /**
     * Tells the members the rule addresses. {@code onceKey} (or null) names what must be notified at most once in the
     * shop: the first insert of the key wins, so two concurrent events cannot both notify.
     *
     * @return how many members were told
     */
    public Mono<Integer> notify(UUID shopId, NotificationRule rule, String onceKey, List<String> args) {
        if (!rule.enabled() || rule.roles().isEmpty()) {
            return Mono.just(0);
        }
        Mono<Boolean> first = onceKey == null ? Mono.just(true)
                : db.sql("INSERT INTO notification_once (shop_id, once_key) VALUES (:shop, :key) ON CONFLICT DO NOTHING")
                .bind("shop", shopId).bind("key", onceKey).fetch().rowsUpdated().map(n -> n == 1);
        return first.flatMap(go -> !go ? Mono.just(0) : zone(shopId).flatMap(zone -> recipients(shopId, rule.roles(), null)
                .flatMap(rs -> Flux.fromIterable(rs).concatMap(r -> {
                    Templates.Text text = Templates.render(rule.kind(), r.prefs().language(), args);
                    return write(shopId, r, rule.kind().name(), text.title(), text.body(), rule.kind().urgent(), rule.channels(), zone);
                }).then(Mono.just(rs.size())))))
                .defaultIfEmpty(0);
    }

    /** A notice from a member to the shop's members with these roles (all when empty), in the inbox only; not to the sender. */
    public Mono<Integer> notice(UUID shopId, UUID sender, String title, String body, List<Role> roles) {
        List<Role> to = roles == null || roles.isEmpty() ? List.of(Role.values()) : roles;
        return zone(shopId).flatMap(zone -> recipients(shopId, to, sender)
                .flatMap(rs -> Flux.fromIterable(rs)
                        .concatMap(r -> write(shopId, r, "NOTICE", title, body, false, List.of(NotificationChannel.IN_APP), zone))
                        .then(Mono.just(rs.size()))))
                .defaultIfEmpty(0);
    }

    Mono<ZoneId> zone(UUID shopId) {
        return db.sql("SELECT time_zone FROM shop WHERE id = :shop").bind("shop", shopId)
                .map(row -> ZoneId.of(row.get("time_zone", String.class))).one();
    }

    private Mono<List<Recipient>> recipients(UUID shopId, List<Role> roles, UUID except) {
        return db.sql("""
                        SELECT u.id, u.name, u.email, u.phone, p.email AS p_email, p.sms AS p_sms, p.whatsapp AS p_whatsapp,
                               p.quiet_from, p.quiet_until, p.language
                        FROM membership m JOIN app_user u ON u.id = m.user_id
                        LEFT JOIN notification_preference p ON p.user_id = u.id
                        WHERE m.shop_id = :shop AND m.role = ANY(:roles)
                        ORDER BY u.id""")
                .bind("shop", shopId).bind("roles", roles.stream().map(Role::name).toArray(String[]::new))
                .map(row -> new Recipient(row.get("id", UUID.class), row.get("name", String.class), row.get("email", String.class),
                        row.get("phone", String.class), row.get("language", String.class) == null ? NotificationPreferences.Preferences.DEFAULT
                        : new NotificationPreferences.Preferences(Boolean.TRUE.equals(row.get("p_email", Boolean.class)),
                        Boolean.TRUE.equals(row.get("p_sms", Boolean.class)), Boolean.TRUE.equals(row.get("p_whatsapp", Boolean.class)),
                        row.get("quiet_from", LocalTime.class), row.get("quiet_until", LocalTime.class), row.get("language", String.class))))
                .all()
                .filter(r -> !r.userId().equals(except))
                .collectList();
    }

    private Mono<Void> write(UUID shopId, Recipient r, String kind, String title, String body, boolean urgent,
                             List<NotificationChannel> channels, ZoneId zone) {
        UUID id = UUID.randomUUID();
        OffsetDateTime now = clock.instant().truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC);
        Mono<Long> item = db.sql("""
                        INSERT INTO notification (id, shop_id, user_id, kind, title, body, urgent, created_at)
                        VALUES (:id, :shop, :user, :kind, :title, :body, :urgent, :at)""")
                .bind("id", id).bind("shop", shopId).bind("user", r.userId()).bind("kind", kind).bind("title", title).bind("body", body)
                .bind("urgent", urgent).bind("at", now)
                .fetch().rowsUpdated();
        Instant due = urgent ? now.toInstant() : afterQuietHours(now.toInstant(), zone, r.prefs());
        return item.thenMany(Flux.fromIterable(channels).filter(c -> c != NotificationChannel.IN_APP && r.prefs().allows(c))
                        .concatMap(c -> {
                            String to = c == NotificationChannel.EMAIL ? r.email() : r.phone();
                            if (to == null || to.isBlank()) return Mono.empty();
                            return db.sql("""
                                            INSERT INTO notification_delivery (id, notification_id, shop_id, channel, recipient, subject, body,
                                                                               status, next_attempt_at, created_at)
                                            VALUES (:id, :n, :shop, :channel, :to, :subject, :body, 'PENDING', :due, :at)""")
                                    .bind("id", UUID.randomUUID()).bind("n", id).bind("shop", shopId).bind("channel", c.name())
                                    .bind("to", to).bind("subject", title).bind("body", body)
                                    .bind("due", due.atOffset(ZoneOffset.UTC)).bind("at", now)
                                    .fetch().rowsUpdated();
                        }))
                .then();
    }

    /** {@code now}, or the end of the member's quiet hours (the shop's local time) when now falls inside them. */
    static Instant afterQuietHours(Instant now, ZoneId zone, NotificationPreferences.Preferences p) {
        LocalTime from = p.quietFrom();
        LocalTime until = p.quietUntil();
        if (from == null || until == null) {
            return now;
        }
        LocalDateTime local = LocalDateTime.ofInstant(now, zone);
        LocalTime t = local.toLocalTime();
        boolean quiet = from.isBefore(until) ? !t.isBefore(from) && t.isBefore(until) : !t.isBefore(from) || t.isBefore(until);
        if (!quiet) {
            return now;
        }
        LocalDate day = t.isBefore(until) ? local.toLocalDate() : local.toLocalDate().plusDays(1);
        return day.atTime(until).atZone(zone).toInstant();
    }
}
