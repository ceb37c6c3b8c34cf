package dev.kirana.web.production;

import java.util.Locale;
import java.util.Set;
import org.springframework.core.env.Environment;

/** A service with a database ({@code kirana.db.name}) must not use an empty or well-known database password. */
public class DatabaseProductionCheck implements ProductionCheck {
    /** The local default (empty), docker-compose's old value and the usual factory passwords. */
    static final Set<String> WELL_KNOWN = Set.of("", "kirana", "postgres", "password", "admin", "changeme", "secret");

    @Override
    public void check(Environment env, Findings findings) {
        if (!env.containsProperty("kirana.db.name")) {
            return;
        }
        String password = env.getProperty("kirana.db.password", "");
        if (WELL_KNOWN.contains(password.trim().toLowerCase(Locale.ROOT))) {
            findings.add("KIRANA_DB_PASSWORD (kirana.db.password)",
                    password.isBlank() ? "is empty (the local default), so the database accepts anyone who can reach it"
                            : "is a well-known default password",
                    "Set it to the database user's own strong password, from a Secret");
        }
    }
}
