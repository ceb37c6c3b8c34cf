package dev.kirana.auth.account;

import dev.kirana.auth.audit.AuditTrail;
import dev.kirana.auth.notification.SecurityNotifications;
import dev.kirana.auth.otp.Channel;
import dev.kirana.auth.otp.OneTimeCodes;
import dev.kirana.auth.otp.OtpPurpose;
import dev.kirana.auth.shop.Memberships;
import dev.kirana.auth.token.RefreshTokens;
import dev.kirana.auth.token.Sessions;
import dev.kirana.auth.token.TokenResponse;
import dev.kirana.auth.user.Passwords;
import dev.kirana.auth.user.User;
import dev.kirana.auth.user.Usernames;
import dev.kirana.auth.user.Users;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/** Accounts: registration, password and one-time-code login, verification, password change and reset. */
@Service
public class AccountService {
    private static final Logger log = LoggerFactory.getLogger(AccountService.class);

    private final Users users;
    private final AuditTrail audit;
    private final Passwords passwords;
    private final Sessions sessions;
    private final RefreshTokens refreshTokens;
    private final OneTimeCodes codes;
    private final Memberships memberships;
    private final Clock clock;
    private final SecurityNotifications notifications;

    public AccountService(Users users, Passwords passwords, Sessions sessions, RefreshTokens refreshTokens,
                          OneTimeCodes codes, Memberships memberships, Clock clock, AuditTrail audit,
                          SecurityNotifications notifications) {
        this.audit = audit;
        this.notifications = notifications;
        this.users = users;
        this.passwords = passwords;
        this.sessions = sessions;
        this.refreshTokens = refreshTokens;
        this.codes = codes;
        this.memberships = memberships;
        this.clock = clock;
    }

    public Mono<TokenResponse> register(AccountRequests.Register r) {
        String email = r.email() == null || r.email().isBlank() ? null
                : Usernames.email(r.email()).orElseThrow(() -> Problems.invalid("email", "is not a valid email address"));
        String phone = r.phone() == null || r.phone().isBlank() ? null
                : Usernames.phone(r.phone()).orElseThrow(() -> Problems.invalid("phone", "is not a valid mobile number (E.164, e.g. +919876543210)"));
        if (email == null && phone == null) {
            throw Problems.invalid("email", "an email address or a phone number is required");
        }
        passwords.checkStrength("password", r.password(), r.email(), r.phone(), phone);
        UUID id = UUID.randomUUID();
        Mono<Void> unique = Mono.when(
                email == null ? Mono.empty() : users.byUsername(email).flatMap(u -> Mono.error(Problems.conflict("An account with this email already exists"))),
                phone == null ? Mono.empty() : users.byUsername(phone).flatMap(u -> Mono.error(Problems.conflict("An account with this phone number already exists"))));
        return unique
                .then(passwords.hash(r.password()))
                .flatMap(hash -> users.insert(id, r.name().trim(), email, phone, hash))
                .then(Mono.defer(() -> {
                    // verification codes go out now; a failure to send does not undo the registration
                    Mono<Void> sendEmail = email == null ? Mono.empty() : codes.send(email, Channel.EMAIL, OtpPurpose.VERIFY_EMAIL).then();
                    Mono<Void> sendSms = phone == null ? Mono.empty() : codes.send(phone, Channel.SMS, OtpPurpose.VERIFY_PHONE).then();
                    return Mono.when(sendEmail, sendSms).onErrorResume(e -> {
                        log.warn("verification code for new account {} not sent: {}", id, e.getMessage());
                        return Mono.empty();
                    });
                }))
                .then(sessions.start(id, null, null, Sessions.PASSWORD));
    }

    public Mono<TokenResponse> login(AccountRequests.Login r) {
        String username = Usernames.normalize(r.username()).orElse(null);
        Mono<User> user = username == null ? Mono.empty() : users.byUsername(username);
        return user.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(found -> {
            if (found.isEmpty()) {
                return passwords.matches(r.password(), null).then(Mono.error(invalidCredentials()));
            }
            User u = found.get();
            Instant now = clock.instant();
            if (u.loginLocked(now)) {
                return Mono.error(locked(Duration.between(now, u.lockedUntil())));
            }
            return passwords.matches(r.password(), u.passwordHash()).flatMap(ok -> ok
                    ? users.clearLoginFailures(u.id())
                    .then(audit.appendForUser(u.id(), AuditTrail.Entry.of(u.id(), "login.succeeded", "user", u.id())))
                    .then(sessions.start(u.id(), null, null, Sessions.PASSWORD))
                    : audit.appendForUser(u.id(), AuditTrail.Entry.of(u.id(), "login.failed", "user", u.id()))
                    .then(notifications.loginFailed(u.id(), u.name()))
                    .then(users.recordFailedLogin(u.id()))
                    .flatMap(until -> Mono.<TokenResponse>error(locked(Duration.between(clock.instant(), until))))
                    .switchIfEmpty(Mono.error(invalidCredentials())));
        });
    }

    /** Sends a login code by SMS. Says nothing about whether the number has an account (202 either way). */
    public Mono<OneTimeCodes.Sent> requestLoginCode(AccountRequests.OtpRequest r) {
        OtpPurpose purpose = r.purpose() == null ? OtpPurpose.LOGIN : r.purpose();
        if (purpose != OtpPurpose.LOGIN) {
            throw Problems.invalid("purpose", "only LOGIN codes are requested here; see /api/v1/auth/verification and /api/v1/auth/password/reset");
        }
        String phone = Usernames.phone(r.phone()).orElseThrow(() -> Problems.invalid("phone", "is not a valid mobile number"));
        return users.byUsername(phone)
                .flatMap(u -> codes.send(phone, Channel.SMS, OtpPurpose.LOGIN))
                .defaultIfEmpty(new OneTimeCodes.Sent(Duration.ZERO, Duration.ZERO));
    }

    public Mono<TokenResponse> loginWithCode(AccountRequests.OtpLogin r) {
        String phone = Usernames.phone(r.phone()).orElseThrow(() -> Problems.invalid("phone", "is not a valid mobile number"));
        return codes.verify(phone, OtpPurpose.LOGIN, r.code())
                .then(users.byUsername(phone))
                .switchIfEmpty(Mono.error(invalidCredentials()))
                // the code proves the phone: it is verified from now on
                .flatMap(u -> users.markVerified(u.id(), false).then(sessions.start(u.id(), null, null, Sessions.OTP)));
    }

    public Mono<TokenResponse> refresh(AccountRequests.Refresh r) {
        return sessions.refresh(r.refreshToken());
    }

    public Mono<TokenResponse> switchShop(ShopPrincipal me, AccountRequests.SwitchShop r) {
        UUID user = requireAccount(me);
        return sessions.switchShop(user, r.shopId(), r.refreshToken(), Sessions.PASSWORD);
    }

    public Mono<Void> logout(AccountRequests.Logout r) {
        if (Boolean.TRUE.equals(r.allSessions())) {
            return refreshTokens.holderOf(r.refreshToken())
                    .flatMap(user -> refreshTokens.revokeAllOf(user, "logout-all")).then();
        }
        return refreshTokens.revokeFamilyOf(r.refreshToken(), null).then();
    }

    public Mono<Me> me(ShopPrincipal me) {
        Set<String> roles = me.roles().stream().map(Role::name).collect(Collectors.toCollection(java.util.TreeSet::new));
        return dev.kirana.auth.shop.ShopAccess.userId(me).map(id -> users.byId(id)
                        .flatMap(u -> memberships.of(u.id())
                                .map(m -> new Me.ShopRole(m.shopId().toString(), m.shopName(), m.role().name()))
                                .collectList()
                                .map(shops -> new Me(u.id().toString(), u.name(), u.email(), u.phone(), u.emailVerified(),
                                        u.phoneVerified(), u.pinHash() != null, me.shopId(), roles, me.scopes(), me.issuer(), shops))))
                .orElse(Mono.empty())
                .defaultIfEmpty(new Me(me.subject(), null, null, null, false, false, false, me.shopId(), roles, me.scopes(),
                        me.issuer(), java.util.List.of()));
    }

    /** Changes the password (the current one is required when one is set) and ends every session. */
    public Mono<Void> changePassword(ShopPrincipal me, AccountRequests.ChangePassword r) {
        UUID id = requireAccount(me);
        return users.byId(id).switchIfEmpty(Mono.error(Problems.notFound("Account not found"))).flatMap(u -> {
            passwords.checkStrength("newPassword", r.newPassword(), u.email(), u.phone());
            Mono<Boolean> current = u.passwordHash() == null ? Mono.just(true)
                    : r.currentPassword() == null ? Mono.just(false) : passwords.matches(r.currentPassword(), u.passwordHash());
            return current.flatMap(ok -> ok ? passwords.hash(r.newPassword())
                            : Mono.error(Problems.invalid("currentPassword", "is wrong")))
                    .flatMap(hash -> users.setPassword(id, hash))
                    .then(refreshTokens.revokeAllOf(id, "password-changed"))
                    .then(audit.appendForUser(id, AuditTrail.Entry.of(id, "password.changed", "user", id)));
        });
    }

    /** Sends a reset code: by SMS to the account's phone, else by email. 202 whether or not the account exists. */
    public Mono<OneTimeCodes.Sent> requestReset(AccountRequests.ResetRequest r) {
        String username = Usernames.normalize(r.username())
                .orElseThrow(() -> Problems.invalid("username", "must be an email address or a mobile number"));
        return users.byUsername(username)
                .flatMap(u -> u.phone() != null && !Usernames.isEmail(username)
                        ? codes.send(u.phone(), Channel.SMS, OtpPurpose.RESET_PASSWORD)
                        : u.email() != null ? codes.send(u.email(), Channel.EMAIL, OtpPurpose.RESET_PASSWORD)
                        : codes.send(u.phone(), Channel.SMS, OtpPurpose.RESET_PASSWORD))
                .defaultIfEmpty(new OneTimeCodes.Sent(Duration.ZERO, Duration.ZERO));
    }

    public Mono<Void> confirmReset(AccountRequests.ResetConfirm r) {
        String username = Usernames.normalize(r.username())
                .orElseThrow(() -> Problems.invalid("username", "must be an email address or a mobile number"));
        return users.byUsername(username).switchIfEmpty(Mono.error(invalidCode())).flatMap(u -> {
            passwords.checkStrength("newPassword", r.newPassword(), u.email(), u.phone());
            String destination = u.phone() != null && !Usernames.isEmail(username) ? u.phone()
                    : u.email() != null ? u.email() : u.phone();
            return codes.verify(destination, OtpPurpose.RESET_PASSWORD, r.code())
                    .then(passwords.hash(r.newPassword()))
                    .flatMap(hash -> users.setPassword(u.id(), hash))
                    .then(users.markVerified(u.id(), Usernames.isEmail(destination)))
                    .then(refreshTokens.revokeAllOf(u.id(), "password-reset"))
                    .then();
        });
    }

    public Mono<OneTimeCodes.Sent> requestVerification(ShopPrincipal me, AccountRequests.Contact contact) {
        UUID id = requireAccount(me);
        boolean email = contact == AccountRequests.Contact.EMAIL;
        return users.byId(id).switchIfEmpty(Mono.error(Problems.notFound("Account not found"))).flatMap(u -> {
            String destination = email ? u.email() : u.phone();
            if (destination == null) {
                return Mono.error(Problems.invalid("channel", "your account has no " + (email ? "email address" : "phone number")));
            }
            return codes.send(destination, email ? Channel.EMAIL : Channel.SMS, email ? OtpPurpose.VERIFY_EMAIL : OtpPurpose.VERIFY_PHONE);
        });
    }

    public Mono<Void> confirmVerification(ShopPrincipal me, AccountRequests.VerificationConfirm r) {
        UUID id = requireAccount(me);
        return users.byId(id).switchIfEmpty(Mono.error(Problems.notFound("Account not found"))).flatMap(u -> {
            boolean email = r.channel() == AccountRequests.Contact.EMAIL;
            String destination = email ? u.email() : u.phone();
            if (destination == null) {
                return Mono.error(Problems.invalid("channel", "your account has no " + (email ? "email address" : "phone number")));
            }
            return codes.verify(destination, email ? OtpPurpose.VERIFY_EMAIL : OtpPurpose.VERIFY_PHONE, r.code())
                    .then(users.markVerified(id, email));
        });
    }

    /**
     * Changes the account's name at once; a new email address or phone number (the current password is required for
     * either when the account has one) gets a code and becomes the account's, verified, only when that code is
     * confirmed ({@link #confirmContact}). One already used by another account is a 409, and nothing changes.
     */
    public Mono<Users.Contacts> changeProfile(ShopPrincipal me, AccountRequests.ProfileChange r) {
        UUID id = requireAccount(me);
        String name = r.name() == null ? null : r.name().strip();
        if (name != null && name.isEmpty()) {
            throw Problems.invalid("name", "must not be blank");
        }
        String email = r.email() == null || r.email().isBlank() ? null
                : Usernames.email(r.email()).orElseThrow(() -> Problems.invalid("email", "is not a valid email address"));
        String phone = r.phone() == null || r.phone().isBlank() ? null
                : Usernames.phone(r.phone()).orElseThrow(() -> Problems.invalid("phone", "is not a valid mobile number (E.164, e.g. +919876543210)"));
        if (name == null && email == null && phone == null) {
            throw Problems.invalid("name", "give a new name, email or phone");
        }
        return users.byId(id).switchIfEmpty(Mono.error(Problems.notFound("Account not found"))).flatMap(u -> {
            String newEmail = email != null && !email.equals(u.email()) ? email : null;
            String newPhone = phone != null && !phone.equals(u.phone()) ? phone : null;
            boolean contactChanges = newEmail != null || newPhone != null;
            Mono<Boolean> allowed = !contactChanges || u.passwordHash() == null ? Mono.just(true)
                    : r.currentPassword() == null ? Mono.error(Problems.invalid("currentPassword", "is required to change the email or phone"))
                    : passwords.matches(r.currentPassword(), u.passwordHash());
            return allowed.flatMap(ok -> ok ? Mono.<Void>empty() : Mono.error(Problems.invalid("currentPassword", "is wrong")))
                    .then(Mono.when(
                            newEmail == null ? Mono.empty() : users.byUsername(newEmail).flatMap(x -> Mono.error(Problems.conflict("An account with this email already exists"))),
                            newPhone == null ? Mono.empty() : users.byUsername(newPhone).flatMap(x -> Mono.error(Problems.conflict("An account with this phone number already exists")))))
                    // the codes first: a code that cannot be sent (throttled, gateway down) changes nothing
                    .then(newEmail == null ? Mono.empty() : codes.send(newEmail, Channel.EMAIL, OtpPurpose.VERIFY_EMAIL).then())
                    .then(newPhone == null ? Mono.empty() : codes.send(newPhone, Channel.SMS, OtpPurpose.VERIFY_PHONE).then())
                    .then(users.changeProfile(id, name, newEmail, newPhone))
                    .then(users.contacts(id));
        });
    }

    /** Confirms the code sent to a new email address or phone number: it replaces the old one, verified. */
    public Mono<Users.Contacts> confirmContact(ShopPrincipal me, AccountRequests.ContactConfirm r) {
        UUID id = requireAccount(me);
        boolean email = r.channel() == AccountRequests.Contact.EMAIL;
        return users.pending(id, email)
                .switchIfEmpty(Mono.error(Problems.invalid("channel", "no new " + (email ? "email address" : "phone number")
                        + " is waiting for a code; change it with PUT /api/v1/auth/me/profile first")))
                .flatMap(destination -> codes.verify(destination, email ? OtpPurpose.VERIFY_EMAIL : OtpPurpose.VERIFY_PHONE, r.code()))
                .then(users.adoptPending(id, email))
                .onErrorMap(org.springframework.dao.DataIntegrityViolationException.class,
                        e -> Problems.conflict("An account with this " + (email ? "email" : "phone number") + " already exists"))
                .then(users.contacts(id));
    }

    public Mono<Void> setPin(ShopPrincipal me, AccountRequests.SetPin r) {
        UUID id = requireAccount(me);
        passwords.checkPin("pin", r.pin());
        return passwords.hash(r.pin()).flatMap(hash -> users.setPin(id, hash))
                .then(audit.appendForUser(id, AuditTrail.Entry.of(id, "pin.changed", "user", id)));
    }

    private static UUID requireAccount(ShopPrincipal me) {
        return dev.kirana.auth.shop.ShopAccess.requireUser(me);
    }

    private static ErrorResponseException invalidCredentials() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "invalid-credentials", "Invalid credentials",
                "The username or password is wrong");
    }

    private static ErrorResponseException invalidCode() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "wrong-code", "Wrong code",
                "There is no valid code for this; it may have expired. Ask for a new code");
    }

    static ErrorResponseException locked(Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ErrorResponseException e = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "account-locked", "Too many failed attempts",
                "Too many wrong passwords; try again in " + Math.max(1, (seconds + 59) / 60) + " minute(s) or reset the password",
                Map.of("retryAfterSeconds", seconds));
        e.getHeaders().set("Retry-After", Long.toString(seconds));
        return e;
    }
}
