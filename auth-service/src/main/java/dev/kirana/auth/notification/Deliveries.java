package dev.kirana.auth.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The delivery log and its sender. A round claims due rows (PENDING, or FAILED whose next attempt has come) in one
 * committed statement that counts the attempt and leases the row ({@code next_attempt_at} moved past the lease), so
 * no other replica or round sends it meanwhile; then it sends each and records SENT, or FAILED with the next attempt
 * after a doubling backoff, or DEAD after the last attempt. A crash between sending and recording re-sends that one
 * message once, after the lease.
 */
@Service
@EnableScheduling
public class Deliveries {
    private static final Logger log = LoggerFactory.getLogger(Deliveries.class);
    private final DatabaseClient db;
    private final Clock clock;
    private final NotificationProperties props;
    private final Map<NotificationChannel, NotificationSender> senders = new EnumMap<>(NotificationChannel.class);

    public Deliveries(DatabaseClient db, Clock clock, NotificationProperties props, List<NotificationSender> senders) {
        this.db = db;
        this.clock = clock;
        this.props = props;
        senders.forEach(s -> this.senders.put(s.channel(), s));
    }

    public enum Status { PENDING, SENT, FAILED, DEAD }

    /** One row of the delivery log. */
    public record Delivery(UUID id, UUID notificationId, NotificationChannel channel, String recipient, String subject, Status status,
                           int attempts, String lastError, Instant nextAttemptAt, Instant sentAt, Instant createdAt) {
    }

    @Scheduled(initialDelayString = "${kirana.notifications.delivery-interval:10s}", fixedDelayString = "${kirana.notifications.delivery-interval:10s}")
    public void scheduled() {
        try {
            int n = deliverDue().block(Duration.ofMinutes(5));
            if (n > 0) log.debug("{} notification deliveries attempted", n);
        } catch (RuntimeException e) {
            log.warn("notification delivery round failed: {}", e.toString());
        }
    }

    /** One round: claims and sends what is due. @return how many were attempted */
    public Mono<Integer> deliverDue() {
        Instant now = clock.instant();
        return db.sql("""
                        UPDATE notification_delivery SET attempts = attempts + 1, next_attempt_at = :lease
                        WHERE id IN (SELECT id FROM notification_delivery
                                     WHERE status IN ('PENDING', 'FAILED') AND next_attempt_at <= :now
                                     ORDER BY next_attempt_at LIMIT :batch FOR UPDATE SKIP LOCKED)
                        RETURNING *""")
                .bind("lease", utc(now.plus(props.lease()))).bind("now", utc(now)).bind("batch", props.batchSize())
                .map((row, meta) -> new Object[] {row.get("id", UUID.class), row.get("channel", String.class), row.get("recipient", String.class),
                        row.get("subject", String.class), row.get("body", String.class), row.get("attempts", Integer.class)})
                .all()
                .collectList()
                .flatMap(claimed -> Flux.fromIterable(claimed).concatMap(this::attempt).then(Mono.just(claimed.size())));
    }

    private Mono<Void> attempt(Object[] d) {
        UUID id = (UUID) d[0];
        NotificationChannel channel = NotificationChannel.valueOf((String) d[1]);
        int attempts = (Integer) d[5];
        NotificationSender sender = senders.get(channel);
        Mono<Void> send = sender == null ? Mono.error(new IllegalStateException("no sender for " + channel))
                : Mono.defer(() -> sender.send((String) d[2], (String) d[3], (String) d[4]));
        return send
                .then(Mono.defer(() -> db.sql("UPDATE notification_delivery SET status = 'SENT', sent_at = :at, last_error = NULL WHERE id = :id")
                        .bind("at", utc(clock.instant())).bind("id", id).fetch().rowsUpdated()))
                .then()
                .onErrorResume(e -> {
                    boolean dead = attempts >= props.maxAttempts();
                    Instant next = clock.instant().plus(props.retryBackoff().multipliedBy(1L << Math.min(attempts - 1, 20)));
                    String error = e.getMessage() == null ? e.getClass().getSimpleName() : e.getClass().getSimpleName() + ": " + e.getMessage();
                    log.warn("{} notification to {} failed (attempt {} of {}): {}", channel, d[2], attempts, props.maxAttempts(), error);
                    return db.sql("UPDATE notification_delivery SET status = :status, last_error = :error, next_attempt_at = :next WHERE id = :id")
                            .bind("status", dead ? Status.DEAD.name() : Status.FAILED.name())
                            .bind("error", error.length() > 500 ? error.substring(0, 500) : error)
                            .bind("next", utc(next)).bind("id", id)
                            .fetch().rowsUpdated().then();
                });
    }

    /** The shop's delivery log, newest first; with a status, only those (DEAD: the dead-letter list). */
    public Mono<List<Delivery>> of(UUID shopId, Status status, int limit) {
        String sql = "SELECT * FROM notification_delivery WHERE shop_id = :shop" + (status == null ? "" : " AND status = :status")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
        DatabaseClient.GenericExecuteSpec spec = db.sql(sql).bind("shop", shopId).bind("limit", limit);
        if (status != null) spec = spec.bind("status", status.name());
        return spec.map(row -> new Delivery(row.get("id", UUID.class), row.get("notification_id", UUID.class),
                        NotificationChannel.valueOf(row.get("channel", String.class)), row.get("recipient", String.class),
                        row.get("subject", String.class), Status.valueOf(row.get("status", String.class)),
                        row.get("attempts", Integer.class), row.get("last_error", String.class),
                        instant(row.get("next_attempt_at", OffsetDateTime.class)), instant(row.get("sent_at", OffsetDateTime.class)),
                        instant(row.get("created_at", OffsetDateTime.class))))
                .all().collectList();
    }

    private static OffsetDateTime utc(Instant i) {
        return i.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
