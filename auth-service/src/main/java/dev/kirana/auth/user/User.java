package dev.kirana.auth.user;

import java.time.Instant;
import java.util.UUID;

/** An account as stored. Never serialised to clients (it holds hashes); see {@code AccountView}. */
public record User(UUID id, String name, String email, String phone, String passwordHash,
                   boolean emailVerified, boolean phoneVerified, int failedLogins, Instant lockedUntil,
                   String pinHash, int failedPins, Instant pinLockedUntil) {

    public boolean loginLocked(Instant now) {
        return lockedUntil != null && lockedUntil.isAfter(now);
    }

    public boolean pinLocked(Instant now) {
        return pinLockedUntil != null && pinLockedUntil.isAfter(now);
    }
}
