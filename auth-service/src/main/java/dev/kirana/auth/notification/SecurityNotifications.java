package dev.kirana.auth.notification;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Notifications of auth-service's own facts: a burst of failed logins of a member, a shop device paired. */
@Service
public class SecurityNotifications {
    private static final Logger log = LoggerFactory.getLogger(SecurityNotifications.class);
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final NotificationRules rules;
    private final Notifier notifier;
    private final Clock clock;

    public SecurityNotifications(DatabaseClient db, TransactionalOperator tx, NotificationRules rules, Notifier notifier, Clock clock) {
        this.db = db;
        this.tx = tx;
        this.rules = rules;
        this.notifier = notifier;
        this.clock = clock;
    }

    /**
     * A wrong password for this user: in each of their shops whose rule's count of failures within its window is
     * reached, the rule's members are told, once per window. Never fails the login answer (errors are logged).
     */
    public Mono<Void> loginFailed(UUID userId, String userName) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Mono<Void> work = db.sql("INSERT INTO notification_login_failure (user_id, at) VALUES (:user, :at)")
                .bind("user", userId).bind("at", now.atOffset(ZoneOffset.UTC)).fetch().rowsUpdated()
                .then(db.sql("DELETE FROM notification_login_failure WHERE user_id = :user AND at < :old")
                        .bind("user", userId).bind("old", now.minus(1, ChronoUnit.DAYS).atOffset(ZoneOffset.UTC)).fetch().rowsUpdated())
                .then(db.sql("SELECT shop_id FROM membership WHERE user_id = :user ORDER BY shop_id").bind("user", userId)
                        .map(row -> row.get("shop_id", UUID.class)).all().collectList())
                .flatMapMany(Flux::fromIterable)
                .concatMap(shop -> rules.rule(shop, NotificationKind.LOGIN_BURST).flatMap(rule -> {
                    long windowMinutes = rule.param("windowMinutes").longValue();
                    long failures = rule.param("failures").longValue();
                    return db.sql("SELECT count(*) AS n FROM notification_login_failure WHERE user_id = :user AND at > :since")
                            .bind("user", userId).bind("since", now.minus(windowMinutes, ChronoUnit.MINUTES).atOffset(ZoneOffset.UTC))
                            .map(row -> row.get("n", Long.class)).one()
                            .flatMap(n -> n < failures ? Mono.just(0)
                                    // once per window: the key is the window the burst was reached in
                                    : notifier.notify(shop, rule, "login-burst:" + userId + ":" + now.getEpochSecond() / (windowMinutes * 60),
                                    List.of(userName, Long.toString(n), Long.toString(windowMinutes))));
                }))
                .then();
        return tx.transactional(work).onErrorResume(e -> {
            log.warn("failed-login notification for {} not written: {}", userId, e.toString());
            return Mono.empty();
        });
    }

    /** A device was paired with the shop; joins the pairing's transaction. */
    public Mono<Void> devicePaired(UUID shopId, UUID deviceId, String deviceName) {
        return rules.rule(shopId, NotificationKind.DEVICE_PAIRED)
                .flatMap(rule -> notifier.notify(shopId, rule, "device-paired:" + deviceId, List.of(deviceName)))
                .then();
    }
}
