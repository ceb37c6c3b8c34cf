package dev.kirana.auth.otp;

import dev.kirana.auth.config.AuthProperties;
import dev.kirana.sms.SmsSender;
import dev.kirana.web.problem.Problems;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;

/**
 * One-time codes sent by SMS or email. At rest only an HMAC of the code is kept (keyed by a server
 * secret, bound to the challenge id). A code expires after a few minutes and dies after a bounded
 * number of wrong guesses; a new code for the same destination and purpose replaces the old one, and
 * sending is throttled (a minimum interval and a cap per hour), which bounds guessing overall.
 */
@Service
public class OneTimeCodes {
    private static final Logger log = LoggerFactory.getLogger(OneTimeCodes.class);
    private static final String PEPPER = "otp-pepper";

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final AuthProperties.Otp props;
    private final SecureRandom random;
    private final SmsSender sms;
    private final EmailSender email;
    private final Mono<byte[]> pepper;

    /** A code was sent; the next one may be asked for after {@code resendAfter}. */
    public record Sent(Duration expiresIn, Duration resendAfter) {
    }

    public OneTimeCodes(DatabaseClient db, TransactionalOperator tx, AuthProperties props, SecureRandom random,
                        SmsSender sms, EmailSender email) {
        this.db = db;
        this.tx = tx;
        this.props = props.otp();
        this.random = random;
        this.sms = sms;
        this.email = email;
        this.pepper = (this.props.secret() != null && !this.props.secret().isBlank()
                ? Mono.just(this.props.secret().getBytes(StandardCharsets.UTF_8))
                : storedPepper()).cache(v -> Duration.ofDays(3650), e -> Duration.ZERO, () -> Duration.ZERO);
    }

    /** Creates a code for (destination, purpose), replacing any earlier one, and sends it. Throttled: 429 with Retry-After. */
    public Mono<Sent> send(String destination, Channel channel, OtpPurpose purpose) {
        String code = newCode();
        UUID id = UUID.randomUUID();
        Mono<Void> create = db.sql("SELECT pg_advisory_xact_lock(hashtext(:k))").bind("k", destination + "|" + purpose).then()
                .then(throttle(destination, purpose))
                .then(db.sql("UPDATE otp_challenge SET consumed_at = now() WHERE destination = :d AND purpose = :p AND consumed_at IS NULL")
                        .bind("d", destination).bind("p", purpose.name()).then())
                .then(pepper)
                .flatMap(key -> db.sql("""
                                INSERT INTO otp_challenge (id, destination, channel, purpose, code_hash, max_attempts, expires_at)
                                VALUES (:id, :d, :c, :p, :hash, :max, :expires)""")
                        .bind("id", id).bind("d", destination).bind("c", channel.name()).bind("p", purpose.name())
                        .bind("hash", hmac(key, id, code)).bind("max", props.maxAttempts())
                        .bind("expires", OffsetDateTime.now(ZoneOffset.UTC).plus(props.ttl()))
                        .then());
        String text = "Your Kirana code is " + code + ". It expires in " + props.ttl().toMinutes()
                + " minutes. Do not share it with anyone.";
        Mono<Void> deliver = channel == Channel.SMS ? sms.send(destination, text)
                : email.send(destination, "Your Kirana code", text);
        return tx.transactional(create)
                .then(deliver.onErrorMap(e -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "code-not-sent", "Code not sent",
                        "The code could not be sent right now; try again in a minute")))
                .thenReturn(new Sent(props.ttl(), props.resendInterval()));
    }

    private Mono<Void> throttle(String destination, OtpPurpose purpose) {
        return db.sql("""
                        SELECT count(*) AS sent, max(created_at) AS last, min(created_at) AS first FROM otp_challenge
                        WHERE destination = :d AND purpose = :p AND created_at > now() - interval '1 hour'""")
                .bind("d", destination).bind("p", purpose.name())
                .map(row -> new Object[]{row.get("sent", Long.class), row.get("last", OffsetDateTime.class), row.get("first", OffsetDateTime.class)})
                .one()
                .flatMap(r -> {
                    OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
                    long sent = (Long) r[0];
                    if (r[1] != null) {
                        OffsetDateTime nextAllowed = ((OffsetDateTime) r[1]).plus(props.resendInterval());
                        if (nextAllowed.isAfter(now)) {
                            return Mono.error(tooMany("A code was sent moments ago; wait before asking for another",
                                    Duration.between(now, nextAllowed)));
                        }
                    }
                    if (sent >= props.maxSendsPerHour()) {
                        return Mono.error(tooMany("Too many codes were sent to this destination; try again later",
                                Duration.between(now, ((OffsetDateTime) r[2]).plusHours(1))));
                    }
                    return Mono.empty();
                });
    }

    /**
     * Checks a code for (destination, purpose) and consumes it. A wrong code is a 401 that says how many
     * attempts are left; once they are used up the code is dead (429) even for the right value.
     */
    public Mono<Void> verify(String destination, OtpPurpose purpose, String code) {
        if (code == null || !code.matches("[0-9]{4,10}")) {
            return Mono.error(Problems.invalid("code", "must be the digits of the code that was sent"));
        }
        return db.sql("""
                        UPDATE otp_challenge SET attempts = attempts + 1
                        WHERE id = (SELECT id FROM otp_challenge WHERE destination = :d AND purpose = :p AND consumed_at IS NULL
                                    ORDER BY created_at DESC LIMIT 1)
                          AND attempts < max_attempts AND expires_at > now() AND consumed_at IS NULL
                        RETURNING id, code_hash, attempts, max_attempts""")
                .bind("d", destination).bind("p", purpose.name())
                .map(row -> new Attempt(row.get("id", UUID.class), row.get("code_hash", String.class),
                        row.get("attempts", Integer.class), row.get("max_attempts", Integer.class)))
                .one()
                .switchIfEmpty(Mono.defer(() -> noLiveCode(destination, purpose)))
                .zipWith(pepper)
                .flatMap(t -> {
                    Attempt a = t.getT1();
                    boolean right = MessageDigest.isEqual(hmac(t.getT2(), a.id(), code).getBytes(StandardCharsets.US_ASCII),
                            a.codeHash().getBytes(StandardCharsets.US_ASCII));
                    if (!right) {
                        int left = a.maxAttempts() - a.attempts();
                        return Mono.error(Problems.of(HttpStatus.UNAUTHORIZED, "wrong-code", "Wrong code",
                                left > 0 ? "The code is wrong; " + left + " attempt(s) left"
                                        : "The code is wrong and no attempts are left; ask for a new code",
                                Map.of("attemptsLeft", left)));
                    }
                    return db.sql("UPDATE otp_challenge SET consumed_at = now() WHERE id = :id AND consumed_at IS NULL")
                            .bind("id", a.id()).fetch().rowsUpdated()
                            .flatMap(n -> n == 1 ? Mono.<Void>empty() : Mono.error(noCode()));
                });
    }

    private Mono<Attempt> noLiveCode(String destination, OtpPurpose purpose) {
        return db.sql("""
                        SELECT attempts >= max_attempts AS exhausted, expires_at > now() AS live FROM otp_challenge
                        WHERE destination = :d AND purpose = :p AND consumed_at IS NULL ORDER BY created_at DESC LIMIT 1""")
                .bind("d", destination).bind("p", purpose.name())
                .map(row -> Boolean.TRUE.equals(row.get("exhausted", Boolean.class)) && Boolean.TRUE.equals(row.get("live", Boolean.class)))
                .one()
                .defaultIfEmpty(false)
                .flatMap(locked -> Mono.error(locked
                        ? Problems.of(HttpStatus.TOO_MANY_REQUESTS, "code-locked", "Too many wrong codes",
                        "Too many wrong attempts for this code; ask for a new code")
                        : noCode()));
    }

    private static ErrorResponseException noCode() {
        return Problems.of(HttpStatus.UNAUTHORIZED, "wrong-code", "Wrong code",
                "There is no valid code for this; it may have expired. Ask for a new code");
    }

    static ErrorResponseException tooMany(String detail, Duration retryAfter) {
        long seconds = Math.max(1, (retryAfter.toMillis() + 999) / 1000);
        ErrorResponseException e = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-codes", "Too many codes", detail,
                Map.of("retryAfterSeconds", seconds));
        e.getHeaders().set("Retry-After", Long.toString(seconds));
        return e;
    }

    private String newCode() {
        StringBuilder sb = new StringBuilder(props.length());
        for (int i = 0; i < props.length(); i++) {
            sb.append(random.nextInt(10));
        }
        return sb.toString();
    }

    private static String hmac(byte[] key, UUID challenge, String code) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((challenge + ":" + code).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The HMAC key, generated by whichever replica starts first and shared through the database. */
    private Mono<byte[]> storedPepper() {
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        return db.sql("INSERT INTO server_secret (name, value) VALUES (:n, :v) ON CONFLICT DO NOTHING")
                .bind("n", PEPPER).bind("v", fresh).then()
                .then(db.sql("SELECT value FROM server_secret WHERE name = :n").bind("n", PEPPER)
                        .map(row -> row.get("value", byte[].class)).one())
                .doOnNext(v -> log.debug("one-time-code key loaded"));
    }

    private record Attempt(UUID id, String codeHash, int attempts, int maxAttempts) {
    }
}
