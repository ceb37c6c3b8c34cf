package dev.kirana.web.security;

/** A member's role in one shop. Auditors read everything and write nothing. */
public enum Role {
    OWNER, MANAGER, CASHIER, AUDITOR;

    public String authority() {
        return "ROLE_" + name();
    }
}
