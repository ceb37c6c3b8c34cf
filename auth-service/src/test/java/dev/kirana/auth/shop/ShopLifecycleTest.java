package dev.kirana.auth.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ShopLifecycleTest {
    private static final Instant DELETED = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aDeletedShopIsRestorableForItsWindowAndPurgeableAfter() {
        ShopLifecycle deleted = ShopLifecycle.ACTIVE.delete(DELETED, Duration.ofDays(30));
        assertThat(deleted.status()).isEqualTo(ShopStatus.DELETED);
        // 3 Dec + 30 days = 2 Jan 2027, same time
        assertThat(deleted.purgeAfter()).isEqualTo(Instant.parse("2027-01-02T10:00:00Z"));

        Instant lastMoment = Instant.parse("2027-01-02T09:59:59.999999Z");
        assertThat(deleted.restore(lastMoment)).isEqualTo(ShopLifecycle.ACTIVE);
        assertThat(deleted.purgeDue(lastMoment)).isFalse();
        assertThatThrownBy(() -> deleted.purge(lastMoment)).isInstanceOfSatisfying(ShopLifecycle.Refused.class,
                e -> assertThat(e.reason()).isEqualTo(ShopLifecycle.Refusal.WINDOW_OPEN));

        Instant closed = Instant.parse("2027-01-02T10:00:00Z");
        assertThat(deleted.purgeDue(closed)).isTrue();
        assertThatThrownBy(() -> deleted.restore(closed)).isInstanceOfSatisfying(ShopLifecycle.Refused.class,
                e -> assertThat(e.reason()).isEqualTo(ShopLifecycle.Refusal.WINDOW_CLOSED));
        ShopLifecycle purged = deleted.purge(closed);
        assertThat(purged).isEqualTo(new ShopLifecycle(ShopStatus.PURGED, DELETED, deleted.purgeAfter(), closed));
        assertThatThrownBy(() -> purged.restore(closed.plusSeconds(1))).isInstanceOfSatisfying(ShopLifecycle.Refused.class,
                e -> assertThat(e.reason()).isEqualTo(ShopLifecycle.Refusal.WINDOW_CLOSED));
        assertThat(purged.purgeDue(closed.plusSeconds(1))).isFalse();
    }

    @Test
    void movesFromTheWrongStateAreRefused() {
        ShopLifecycle deleted = ShopLifecycle.ACTIVE.delete(DELETED, Duration.ofDays(7));
        assertThatThrownBy(() -> deleted.delete(DELETED.plusSeconds(60), Duration.ofDays(7)))
                .isInstanceOfSatisfying(ShopLifecycle.Refused.class, e -> assertThat(e.reason()).isEqualTo(ShopLifecycle.Refusal.NOT_ACTIVE));
        assertThatThrownBy(() -> ShopLifecycle.ACTIVE.restore(DELETED))
                .isInstanceOfSatisfying(ShopLifecycle.Refused.class, e -> assertThat(e.reason()).isEqualTo(ShopLifecycle.Refusal.NOT_DELETED));
        assertThatThrownBy(() -> ShopLifecycle.ACTIVE.purge(DELETED))
                .isInstanceOfSatisfying(ShopLifecycle.Refused.class, e -> assertThat(e.reason()).isEqualTo(ShopLifecycle.Refusal.NOT_DELETED));
        // a zero window: purgeable at once, never restorable
        ShopLifecycle now = ShopLifecycle.ACTIVE.delete(DELETED, Duration.ZERO);
        assertThat(now.purgeDue(DELETED)).isTrue();
    }

    @Test
    void aFullExportIsEveryServicesBackupWithinTheMaximumAge() {
        Instant now = Instant.parse("2026-12-03T10:00:00Z");
        List<String> services = List.of("catalog-service", "inventory-service", "order-service", "accounting-service", "reporting-service");
        Map<String, Instant> latest = Map.of(
                "catalog-service", Instant.parse("2026-12-03T09:00:00Z"),
                // exactly 24 h old: still counts
                "inventory-service", Instant.parse("2026-12-02T10:00:00Z"),
                // 24 h and one second: stale
                "order-service", Instant.parse("2026-12-02T09:59:59Z"),
                "accounting-service", Instant.parse("2026-12-03T09:30:00Z"),
                // a service that is not asked for does not matter
                "gateway", Instant.parse("2026-01-01T00:00:00Z"));
        List<FullExport.Gap> gaps = FullExport.gaps(latest, services, now, Duration.ofHours(24));
        assertThat(gaps).containsExactly(new FullExport.Gap("order-service", Instant.parse("2026-12-02T09:59:59Z")),
                new FullExport.Gap("reporting-service", null));
        assertThat(gaps.get(0).describe()).isEqualTo("order-service (last backup 2026-12-02T09:59:59Z)");
        assertThat(gaps.get(1).describe()).isEqualTo("reporting-service (no backup)");
        assertThat(FullExport.gaps(Map.of("catalog-service", now), List.of("catalog-service"), now, Duration.ofHours(24))).isEmpty();
    }
}
