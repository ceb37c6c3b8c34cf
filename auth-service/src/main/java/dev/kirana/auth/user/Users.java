package dev.kirana.auth.user;

import dev.kirana.auth.config.AuthProperties;
import io.r2dbc.spi.Readable;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Repository;
import reactor.core.publisher.Mono;

/** Accounts in the database. Email/phone uniqueness is enforced by the table (a duplicate is a 409). */
@Repository
public class Users {
    private static final String COLUMNS = """
            id, name, email, phone, password_hash, email_verified, phone_verified, failed_logins, locked_until,
            pin_hash, failed_pins, pin_locked_until""";
    private final DatabaseClient db;
    private final AuthProperties props;

    public Users(DatabaseClient db, AuthProperties props) {
        this.db = db;
        this.props = props;
    }

    public Mono<User> byId(UUID id) {
        return db.sql("SELECT " + COLUMNS + " FROM app_user WHERE id = :id").bind("id", id).map(Users::map).one();
    }

    /** By email or phone number, already normalised. */
    public Mono<User> byUsername(String normalized) {
        String column = Usernames.isEmail(normalized) ? "email" : "phone";
        return db.sql("SELECT " + COLUMNS + " FROM app_user WHERE " + column + " = :u").bind("u", normalized)
                .map(Users::map).one();
    }

    public Mono<Void> insert(UUID id, String name, String email, String phone, String passwordHash) {
        var spec = db.sql("""
                        INSERT INTO app_user (id, name, email, phone, password_hash, password_changed_at)
                        VALUES (:id, :name, :email, :phone, :hash, CASE WHEN :hasHash THEN now() END)""")
                .bind("id", id).bind("name", name).bind("hasHash", passwordHash != null);
        spec = email == null ? spec.bindNull("email", String.class) : spec.bind("email", email);
        spec = phone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", phone);
        spec = passwordHash == null ? spec.bindNull("hash", String.class) : spec.bind("hash", passwordHash);
        return spec.then();
    }

    /** Counts a wrong password; the N-th consecutive one locks the account for a while. @return the lock end, if locked now */
    public Mono<Instant> recordFailedLogin(UUID id) {
        return recordFailure("app_user", id, "failed_logins", "locked_until", props.login());
    }

    public Mono<Instant> recordFailedPin(UUID id) {
        return recordFailure("app_user", id, "failed_pins", "pin_locked_until", props.pin());
    }

    /** The same PIN lock-out for an employee's attendance PIN on a shop device. */
    public Mono<Instant> recordFailedEmployeePin(UUID employeeId) {
        return recordFailure("employee", employeeId, "failed_pins", "pin_locked_until", props.pin());
    }

    public Mono<Void> clearEmployeePinFailures(UUID employeeId) {
        return db.sql("UPDATE employee SET failed_pins = 0, pin_locked_until = NULL WHERE id = :id AND (failed_pins <> 0 OR pin_locked_until IS NOT NULL)")
                .bind("id", employeeId).then();
    }

    private Mono<Instant> recordFailure(String table, UUID id, String counter, String lock, AuthProperties.Lockout policy) {
        return db.sql("""
                        UPDATE %3$s SET
                          %1$s = CASE WHEN %1$s + 1 >= :max THEN 0 ELSE %1$s + 1 END,
                          %2$s = CASE WHEN %1$s + 1 >= :max THEN now() + make_interval(secs => :lock) ELSE %2$s END
                        WHERE id = :id
                        RETURNING %2$s""".formatted(counter, lock, table))
                .bind("id", id).bind("max", policy.maxFailures()).bind("lock", (double) policy.lockDuration().toSeconds())
                .map(row -> java.util.Optional.ofNullable(row.get(0, OffsetDateTime.class)))
                .one()
                .flatMap(Mono::justOrEmpty)
                .map(OffsetDateTime::toInstant)
                .filter(until -> until.isAfter(Instant.now()));
    }

    public Mono<Void> clearLoginFailures(UUID id) {
        return db.sql("UPDATE app_user SET failed_logins = 0, locked_until = NULL WHERE id = :id AND (failed_logins <> 0 OR locked_until IS NOT NULL)")
                .bind("id", id).then();
    }

    public Mono<Void> clearPinFailures(UUID id) {
        return db.sql("UPDATE app_user SET failed_pins = 0, pin_locked_until = NULL WHERE id = :id AND (failed_pins <> 0 OR pin_locked_until IS NOT NULL)")
                .bind("id", id).then();
    }

    public Mono<Void> setPassword(UUID id, String hash) {
        return db.sql("""
                        UPDATE app_user SET password_hash = :hash, password_changed_at = now(), failed_logins = 0, locked_until = NULL
                        WHERE id = :id""")
                .bind("id", id).bind("hash", hash).then();
    }

    public Mono<Void> setPin(UUID id, String hash) {
        return db.sql("UPDATE app_user SET pin_hash = :hash, failed_pins = 0, pin_locked_until = NULL WHERE id = :id")
                .bind("id", id).bind("hash", hash).then();
    }

    /**
     * Renames the account and keeps a new email address or phone number until the code sent to it is confirmed, in one
     * statement; a null leaves that field as it is.
     */
    public Mono<Void> changeProfile(UUID id, String name, String pendingEmail, String pendingPhone) {
        var spec = db.sql("""
                        UPDATE app_user SET name = COALESCE(:name, name), pending_email = COALESCE(:email, pending_email),
                               pending_phone = COALESCE(:phone, pending_phone)
                        WHERE id = :id""").bind("id", id);
        spec = name == null ? spec.bindNull("name", String.class) : spec.bind("name", name);
        spec = pendingEmail == null ? spec.bindNull("email", String.class) : spec.bind("email", pendingEmail);
        spec = pendingPhone == null ? spec.bindNull("phone", String.class) : spec.bind("phone", pendingPhone);
        return spec.then();
    }

    /** The account's name and contacts, verified or not, and the new ones waiting for their codes. */
    public record Contacts(String name, String email, String phone, boolean emailVerified, boolean phoneVerified,
                           String pendingEmail, String pendingPhone) {
    }

    public Mono<Contacts> contacts(UUID id) {
        return db.sql("SELECT name, email, phone, email_verified, phone_verified, pending_email, pending_phone FROM app_user WHERE id = :id")
                .bind("id", id)
                .map(r -> new Contacts(r.get("name", String.class), r.get("email", String.class), r.get("phone", String.class),
                        Boolean.TRUE.equals(r.get("email_verified", Boolean.class)), Boolean.TRUE.equals(r.get("phone_verified", Boolean.class)),
                        r.get("pending_email", String.class), r.get("pending_phone", String.class)))
                .one();
    }

    /** The new email address or phone number waiting for its code, if any. */
    public Mono<String> pending(UUID id, boolean email) {
        return db.sql("SELECT " + (email ? "pending_email" : "pending_phone") + " AS d FROM app_user WHERE id = :id").bind("id", id)
                .map(r -> java.util.Optional.ofNullable(r.get("d", String.class))).one().flatMap(Mono::justOrEmpty);
    }

    /** Makes the confirmed pending contact the account's own, verified (a duplicate of another account's is a 409 from the table). */
    public Mono<Void> adoptPending(UUID id, boolean email) {
        String column = email ? "email" : "phone";
        return db.sql("UPDATE app_user SET " + column + " = pending_" + column + ", " + column + "_verified = true, pending_"
                        + column + " = NULL WHERE id = :id AND pending_" + column + " IS NOT NULL")
                .bind("id", id).then();
    }

    public Mono<Void> markVerified(UUID id, boolean email) {
        return db.sql("UPDATE app_user SET " + (email ? "email_verified" : "phone_verified") + " = true WHERE id = :id")
                .bind("id", id).then();
    }

    static User map(Readable row) {
        return new User(row.get("id", UUID.class), row.get("name", String.class), row.get("email", String.class),
                row.get("phone", String.class), row.get("password_hash", String.class),
                Boolean.TRUE.equals(row.get("email_verified", Boolean.class)),
                Boolean.TRUE.equals(row.get("phone_verified", Boolean.class)),
                row.get("failed_logins", Integer.class), instant(row, "locked_until"),
                row.get("pin_hash", String.class), row.get("failed_pins", Integer.class), instant(row, "pin_locked_until"));
    }

    private static Instant instant(Readable row, String column) {
        OffsetDateTime t = row.get(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

}
