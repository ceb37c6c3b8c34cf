package dev.kirana.events;

/** Data of the events on {@link Topics#SHOP}. */
public final class ShopEvents {
    public record ShopCreated(String shopId, String name, String stateCode, String gstin, String currency,
                              String registrationType, String ownerUserId) {
    }

    public record MemberAdded(String shopId, String userId, String role) {
    }

    private ShopEvents() {
    }
}
