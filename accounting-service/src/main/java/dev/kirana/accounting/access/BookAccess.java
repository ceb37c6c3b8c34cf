package dev.kirana.accounting.access;

import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;

/**
 * Who may do what with the books. Owners, managers and auditors read them, and so does a partner's API client with
 * the {@code accounting:read} scope (a Tally connector); cashiers do not (they see only the khata of the customer in
 * front of them). Owners and managers make journal entries; only the owner locks a period.
 */
public final class BookAccess {
    public static final String READ_SCOPE = "accounting:read";

    /** The shop whose books the caller may read; a 403 problem for a cashier. */
    public static String read(ShopPrincipal me) {
        return me.requireRoleOrScope(READ_SCOPE, Role.OWNER, Role.MANAGER, Role.AUDITOR).requireShop();
    }

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
