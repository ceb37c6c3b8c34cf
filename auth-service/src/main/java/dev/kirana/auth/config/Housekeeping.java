package dev.kirana.auth.config;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Forgets what can no longer be used: one-time codes a day after they were sent, refresh tokens a week
 * after they expired or were revoked (kept that long so that reuse of a stolen token is still recognised),
 * signing keys long retired. Safe to run on every replica at once.
 */
@Component
@EnableScheduling
public class Housekeeping {
    private static final Logger log = LoggerFactory.getLogger(Housekeeping.class);
    private final DatabaseClient db;

    public Housekeeping(DatabaseClient db) {
        this.db = db;
    }

    @Scheduled(initialDelayString = "${kirana.auth.housekeeping-interval:1h}", fixedDelayString = "${kirana.auth.housekeeping-interval:1h}")
    public void purge() {
        Mono.zip(
                        db.sql("DELETE FROM otp_challenge WHERE created_at < now() - interval '1 day'").fetch().rowsUpdated(),
                        db.sql("""
                                DELETE FROM refresh_token WHERE family_id IN (
                                  SELECT family_id FROM refresh_token GROUP BY family_id
                                  HAVING max(coalesce(revoked_at, expires_at)) < now() - interval '7 days')""").fetch().rowsUpdated(),
                        db.sql("DELETE FROM signing_key WHERE retired_at < now() - interval '30 days'").fetch().rowsUpdated())
                .doOnNext(t -> log.debug("housekeeping removed {} codes, {} refresh tokens, {} keys", t.getT1(), t.getT2(), t.getT3()))
                .onErrorResume(e -> {
                    log.warn("housekeeping failed: {}", e.toString());
                    return Mono.empty();
                })
                .block(Duration.ofMinutes(5));
    }
}
