package dev.kirana.accounting.access;

import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;

/**
 * Who may write to the books: owners and managers make journal entries; only the owner locks a period. Who reads them
 * is {@code @Allowed(Access.BOOKS)} on each controller (owners, managers, auditors, and a partner's API client with
 * {@code accounting:read}, a Tally connector; a cashier only the balance of the customer in front of them).
 */
public final class BookAccess {
    /** The shop whose books the caller may write to (journal entries, custom accounts). */
    public static String write(ShopPrincipal me) {
        return me.require(Role.OWNER, Role.MANAGER).requireShop();
    }

    /** The shop whose periods the caller may lock. */
    public static String own(ShopPrincipal me) {
        return me.require(Role.OWNER).requireShop();
    }

    private BookAccess() {
    }
}
