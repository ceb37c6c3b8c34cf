package dev.kirana.events;

/** Data of the events on {@link Topics#SHOP}. */
public final class ShopEvents {
    /** {@code timeZone} (additive in v1): the IANA zone whose days are the shop's days (Asia/Kolkata when absent). */
    public record ShopCreated(String shopId, String name, String stateCode, String gstin, String currency,
                              String registrationType, String ownerUserId, String timeZone) {
        public ShopCreated(String shopId, String name, String stateCode, String gstin, String currency,
                           String registrationType, String ownerUserId) {
            this(shopId, name, stateCode, gstin, currency, registrationType, ownerUserId, null);
        }
    }

    /** A user got a role in a shop: a new member, or a member whose role changed (the latest event wins). */
    public record MemberAdded(String shopId, String userId, String role) {
    }

    /** A shop's details changed; carries the whole new state (consumers replace what they keep). */
    public record ShopUpdated(String shopId, String name, String stateCode, String gstin, String currency,
                              String registrationType, int financialYearStartMonth, String timeZone) {
        public ShopUpdated(String shopId, String name, String stateCode, String gstin, String currency,
                           String registrationType, int financialYearStartMonth) {
            this(shopId, name, stateCode, gstin, currency, registrationType, financialYearStartMonth, null);
        }
    }

    /** A user lost their role in a shop. */
    public record MemberRemoved(String shopId, String userId) {
    }

    /**
     * A deleted shop's restore window ended: every service deletes the shop's rows now (auth-service keeps only the
     * audit chain and a tombstone with the shop's name and GSTIN). {@code deletedAt}/{@code purgedAt} are ISO-8601 instants.
     */
    public record ShopPurged(String shopId, String name, String gstin, String deletedAt, String purgedAt) {
    }

    private ShopEvents() {
    }
}
