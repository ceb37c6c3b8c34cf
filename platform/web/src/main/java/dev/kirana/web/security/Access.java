package dev.kirana.web.security;

import static dev.kirana.web.security.Role.AUDITOR;
import static dev.kirana.web.security.Role.CASHIER;
import static dev.kirana.web.security.Role.MANAGER;
import static dev.kirana.web.security.Role.OWNER;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who may read what: the suite's one roles-and-scopes matrix (the README's "Roles and scopes" table says the same).
 * Every read operation names one of these with {@link Allowed}; the security filter enforces it before the operation
 * runs, and the OpenAPI document states it. A caller is let through when one of its roles in the shop is listed or,
 * for a partner's API client (no roles), when its token holds the scope. Owners, managers and auditors read
 * everything; a cashier reads only what the counter needs (a customer's balance, stock levels without costs,
 * products, their own sales); a client reads only the area its scopes name (the scopes are auth-service's
 * {@code dev.kirana.auth.client.Scopes}). Writes check roles in the operation itself, and auditors never write.
 */
public enum Access {
    /** The books: journal, ledgers, trial balance, statements, cash book, bank, GST, expenses, purchases, every khata. */
    BOOKS("accounting:read", OWNER, MANAGER, AUDITOR),
    /** One customer's balance and the credit left: how the counter finds the customer in front of it. */
    CUSTOMER_BALANCE("accounting:read", OWNER, MANAGER, AUDITOR, CASHIER),
    /** Stock levels and availability, locations, low stock, serial units: a look-up without costs. */
    STOCK_LOOKUP("inventory:read", OWNER, MANAGER, AUDITOR, CASHIER),
    /** The stock ledger, valuation, batches with their costs, counts, reconciliation, purchase flags, settings. */
    STOCK_BOOKS("inventory:read", OWNER, MANAGER, AUDITOR),
    /** Products, categories and tax rates: what the counter sells. */
    CATALOG("catalog:read", OWNER, MANAGER, AUDITOR, CASHIER),
    /** Price history, price-list imports and the catalog export: the back office's. */
    CATALOG_BACK_OFFICE("catalog:read", OWNER, MANAGER, AUDITOR),
    /** Sales, invoices, receipts, refunds, loyalty, the counter's settings; a cashier lists only their own sales. */
    SALES("orders:read", OWNER, MANAGER, AUDITOR, CASHIER),
    /** The back office's side of sales: e-invoice registrations and their requests, the e-invoice settings. */
    SALES_BACK_OFFICE("orders:read", OWNER, MANAGER, AUDITOR),
    /**
     * What the counter shows the customer in front of it to take a payment (a UPI payment QR code): the roles that sell,
     * and a partner's point of sale that places sales (orders:write); not an auditor.
     */
    COUNTER("orders:write", OWNER, MANAGER, CASHIER),
    /** Reports: sales, profitability, stock, tax, khata, expenses, cash flow, demand. */
    REPORTS("reports:read", OWNER, MANAGER, AUDITOR);

    private final String scope;
    private final Set<Role> roles;

    Access(String scope, Role... roles) {
        this.scope = scope;
        this.roles = Set.copyOf(Arrays.asList(roles));
    }

    /** The partner scope that grants it. */
    public String scope() {
        return scope;
    }

    /** The roles in the shop that grant it, in {@link Role} order. */
    public List<Role> roles() {
        return Arrays.stream(Role.values()).filter(roles::contains).toList();
    }

    public boolean allows(ShopPrincipal caller) {
        return caller.roles().stream().anyMatch(roles::contains) || caller.scopes().contains(scope);
    }

    /** "owner, manager, auditor; scope accounting:read": how the OpenAPI document and a 403 say it. */
    public String describe() {
        return roles().stream().map(r -> r.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", "))
                + "; scope " + scope;
    }
}
