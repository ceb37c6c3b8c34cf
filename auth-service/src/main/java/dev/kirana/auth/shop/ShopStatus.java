package dev.kirana.auth.shop;

/** Where a shop is in its life: in use, deleted but restorable by its owner, or purged (a tombstone). */
public enum ShopStatus {
    ACTIVE,
    /** Soft-deleted: no token is issued for it and its members' requests here are refused; the owner may restore it. */
    DELETED,
    /** The restore window ended and the shop's rows were deleted everywhere; only the tombstone and audit chain remain. */
    PURGED
}
