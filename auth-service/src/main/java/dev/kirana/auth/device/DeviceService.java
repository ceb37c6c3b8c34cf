package dev.kirana.auth.device;

import dev.kirana.auth.audit.AuditTrail;
import dev.kirana.auth.notification.SecurityNotifications;
import dev.kirana.auth.config.AuthProperties;
import dev.kirana.auth.shop.Memberships;
import dev.kirana.auth.token.RefreshTokens;
import dev.kirana.auth.token.Secrets;
import dev.kirana.auth.token.Sessions;
import dev.kirana.auth.token.TokenResponse;
import dev.kirana.auth.user.Passwords;
import dev.kirana.auth.user.Usernames;
import dev.kirana.auth.user.Users;
import dev.kirana.web.problem.Problems;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Shared POS devices. An owner or manager registers a device and gets a one-time pairing token (a QR code);
 * the device exchanges it for a long-lived device secret. On a paired device a member switches in with
 * their PIN: the session is bound to the device and its shop, and ends when the device is revoked.
 */
@Service
public class DeviceService {
    private final DatabaseClient db;
    private final Secrets secrets;
    private final AuthProperties props;
    private final Users users;
    private final Memberships memberships;
    private final Passwords passwords;
    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final Clock clock;
    private final AuditTrail audit;
    private final SecurityNotifications notifications;
    private final TransactionalOperator tx;

    public DeviceService(DatabaseClient db, Secrets secrets, AuthProperties props, Users users, Memberships memberships,
                         Passwords passwords, Sessions sessions, RefreshTokens refreshTokens, Clock clock,
                         AuditTrail audit, TransactionalOperator tx, SecurityNotifications notifications) {
        this.tx = tx;
        this.db = db;
        this.secrets = secrets;
        this.props = props;
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
        this.audit = audit;
        this.notifications = notifications;
    }

    public Mono<DeviceApi.Pairing> create(UUID shopId, UUID createdBy, String name) {
        UUID id = UUID.randomUUID();
        String token = secrets.token();
        Instant expires = clock.instant().plus(props.devices().pairingTtl());
        return tx.transactional(db.sql("""
                        INSERT INTO device (id, shop_id, name, pairing_hash, pairing_expires_at, created_by)
                        VALUES (:id, :shop, :name, :hash, :expires, :by)""")
                .bind("id", id).bind("shop", shopId).bind("name", name.trim()).bind("hash", Secrets.digest(token))
                .bind("expires", OffsetDateTime.ofInstant(expires, ZoneOffset.UTC)).bind("by", createdBy)
                .then()
                .then(audit.append(shopId, AuditTrail.Entry.of(createdBy, "device.registered", "device", id)))
                .thenReturn(new DeviceApi.Pairing(id, name.trim(), token, "kirana://pair?token=" + token, expires)));
    }

    public Flux<DeviceApi.Device> list(UUID shopId) {
        return db.sql("""
                        SELECT id, name, created_at, paired_at, last_used_at, revoked_at, pairing_expires_at
                        FROM device WHERE shop_id = :shop ORDER BY created_at, id""")
                .bind("shop", shopId)
                .map(row -> {
                    Instant paired = instant(row.get("paired_at", OffsetDateTime.class));
                    Instant revoked = instant(row.get("revoked_at", OffsetDateTime.class));
                    Instant pairingExpires = instant(row.get("pairing_expires_at", OffsetDateTime.class));
                    DeviceApi.Status status = revoked != null ? DeviceApi.Status.REVOKED
                            : paired != null ? DeviceApi.Status.PAIRED
                            : pairingExpires != null && pairingExpires.isBefore(clock.instant()) ? DeviceApi.Status.EXPIRED
                            : DeviceApi.Status.PENDING;
                    return new DeviceApi.Device(row.get("id", UUID.class), row.get("name", String.class),
                            status, instant(row.get("created_at", OffsetDateTime.class)), paired,
                            instant(row.get("last_used_at", OffsetDateTime.class)));
                })
                .all();
    }

    public Mono<Void> revoke(UUID shopId, UUID deviceId, UUID actor) {
        return tx.transactional(db.sql("""
                        UPDATE device SET revoked_at = coalesce(revoked_at, now()), secret_hash = NULL, pairing_hash = NULL
                        WHERE id = :id AND shop_id = :shop""")
                .bind("id", deviceId).bind("shop", shopId).fetch().rowsUpdated()
                .flatMap(n -> n == 0 ? Mono.error(Problems.notFound("Device " + deviceId + " not found"))
                        : refreshTokens.revokeForDevice(deviceId, "device-revoked")
                        .then(audit.append(shopId, AuditTrail.Entry.of(actor, "device.revoked", "device", deviceId).device(deviceId)))));
    }

    /** Exchanges a pairing token (once, before it expires) for the device secret. */
    public Mono<DeviceApi.Paired> pair(String pairingToken) {
        String secret = secrets.token();
        return tx.transactional(db.sql("""
                        UPDATE device d SET pairing_hash = NULL, pairing_expires_at = NULL, secret_hash = :secret, paired_at = now()
                        FROM shop s
                        WHERE s.id = d.shop_id AND d.pairing_hash = :hash AND d.pairing_expires_at > now() AND d.revoked_at IS NULL
                          AND s.status = :active
                        RETURNING d.id, d.shop_id, s.name AS shop_name, d.name""")
                .bind("secret", Secrets.digest(secret)).bind("hash", Secrets.digest(pairingToken))
                .bind("active", dev.kirana.auth.shop.ShopStatus.ACTIVE.name())
                .map(row -> new DeviceApi.Paired(row.get("id", UUID.class), secret, row.get("shop_id", UUID.class),
                        row.get("shop_name", String.class), row.get("name", String.class)))
                .one()
                .flatMap(p -> audit.append(p.shopId(), AuditTrail.Entry.of(null, "device.paired", "device", p.deviceId()).device(p.deviceId()))
                        .then(notifications.devicePaired(p.shopId(), p.deviceId(), p.name()))
                        .thenReturn(p))
                .switchIfEmpty(Mono.error(Problems.of(HttpStatus.UNAUTHORIZED, "invalid-pairing-token", "Invalid pairing token",
                        "The pairing token is unknown, used or expired; create a new one"))));
    }

    /** A member switches in on a paired device with their PIN; repeated wrong PINs lock PIN login for a while. */
    public Mono<TokenResponse> pinLogin(DeviceApi.PinLogin r) {
        Mono<UUID> device = shopOf(r.deviceId(), r.deviceSecret());
        String username = Usernames.normalize(r.username()).orElse(null);
        return device.flatMap(shopId -> (username == null ? Mono.<dev.kirana.auth.user.User>empty() : users.byUsername(username))
                .filterWhen(u -> memberships.in(shopId, u.id()).hasElement())
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(found -> {
                    if (found.isEmpty() || found.get().pinHash() == null) {
                        return passwords.matches(r.pin(), null).then(Mono.error(wrongPin()));
                    }
                    var u = found.get();
                    Instant now = clock.instant();
                    if (u.pinLocked(now)) {
                        return Mono.error(pinLocked(Duration.between(now, u.pinLockedUntil())));
                    }
                    return passwords.matches(r.pin(), u.pinHash()).flatMap(ok -> ok
                            ? users.clearPinFailures(u.id())
                            .then(db.sql("UPDATE device SET last_used_at = now() WHERE id = :id").bind("id", r.deviceId()).then())
                            .then(sessions.start(u.id(), shopId, r.deviceId(), Sessions.PIN))
                            : users.recordFailedPin(u.id())
                            .flatMap(until -> Mono.<TokenResponse>error(pinLocked(Duration.between(clock.instant(), until))))
                            .switchIfEmpty(Mono.error(wrongPin())));
                }));
    }

    /** The shop (in use) a paired, unrevoked device belongs to, if its secret is right; a 401 problem otherwise. */
    public Mono<UUID> shopOf(UUID deviceId, String deviceSecret) {
        // a deleted shop's devices are refused like unpaired ones until the shop is restored
        return db.sql("""
                        SELECT d.shop_id, d.secret_hash FROM device d JOIN shop s ON s.id = d.shop_id
                        WHERE d.id = :id AND d.revoked_at IS NULL AND d.secret_hash IS NOT NULL AND s.status = :active""")
                .bind("id", deviceId).bind("active", dev.kirana.auth.shop.ShopStatus.ACTIVE.name())
                .map(row -> new Object[]{row.get("shop_id", UUID.class), row.get("secret_hash", String.class)})
                .one()
                .filter(d -> Secrets.sameDigest(deviceSecret, (String) d[1]))
                .map(d -> (UUID) d[0])
                .switchIfEmpty(Mono.error(Problems.of(HttpStatus.UNAUTHORIZED, "unknown-device", "Unknown device",
                        "This device is not paired (or was revoked); pair it again")));
    }

    /** A wrong PIN on a device (the same answer whether the person exists or not). */
    public static ErrorResponseException wrongPin() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "wrong-pin", "Wrong user or PIN", "The user or PIN is wrong for this device");
    }

    public static ErrorResponseException pinLocked(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ErrorResponseException e = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "pin-locked", "Too many wrong PINs",
                "PIN login is locked for this user for a while; log in with the password instead",
                Map.of("retryAfterSeconds", seconds));
        e.getHeaders().set("Retry-After", Long.toString(seconds));
        return e;
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }
}
