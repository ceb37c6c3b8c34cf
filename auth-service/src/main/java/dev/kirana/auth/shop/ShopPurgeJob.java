package dev.kirana.auth.shop;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Purges deleted shops whose restore window closed ({@link ShopDeletion#purge}), every
 * {@code kirana.auth.shop-deletion.purge-interval}. Safe on every replica at once: a shop being purged by one is
 * skipped by the others (its row is locked, SKIP LOCKED).
 */
@Component
public class ShopPurgeJob {
    private static final Logger log = LoggerFactory.getLogger(ShopPurgeJob.class);
    private final ShopDeletion deletion;

    public ShopPurgeJob(ShopDeletion deletion) {
        this.deletion = deletion;
    }

    @Scheduled(initialDelayString = "${kirana.auth.shop-deletion.purge-interval:1h}",
            fixedDelayString = "${kirana.auth.shop-deletion.purge-interval:1h}")
    public void run() {
        Long purged = deletion.purgeDue()
                .onErrorResume(e -> {
                    log.warn("shop purge run failed: {}", e.toString());
                    return reactor.core.publisher.Mono.just(0L);
                })
                .block(Duration.ofMinutes(10));
        if (purged != null && purged > 0) {
            log.info("{} deleted shops purged", purged);
        }
    }
}
