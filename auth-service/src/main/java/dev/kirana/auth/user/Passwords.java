package dev.kirana.auth.user;

import dev.kirana.auth.config.AuthProperties;
import dev.kirana.web.problem.Problems;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Password and PIN hashing through Spring Security's encoder. bcrypt is deliberately slow, so it
 * runs on the bounded-elastic scheduler, never on an event-loop thread.
 */
@Component
public class Passwords {
    private final PasswordEncoder encoder;
    private final AuthProperties.Password policy;
    /** Compared against when the account does not exist, so that a miss costs as long as a wrong password. */
    private final String decoy;

    public Passwords(PasswordEncoder encoder, AuthProperties props) {
        this.encoder = encoder;
        this.policy = props.password();
        this.decoy = encoder.encode("decoy-password-for-timing");
    }

    public Mono<String> hash(String raw) {
        return Mono.fromCallable(() -> encoder.encode(raw)).subscribeOn(Schedulers.boundedElastic());
    }

    /** @param hash may be null (no password set, or no such account): then false, after the same work */
    public Mono<Boolean> matches(String raw, String hash) {
        return Mono.fromCallable(() -> {
                    if (hash == null) {
                        encoder.matches(raw, decoy);
                        return false;
                    }
                    return encoder.matches(raw, hash);
                })
                .subscribeOn(Schedulers.boundedElastic());
    }

    /** Throws a 400 problem naming {@code field} unless the password is acceptable. */
    public void checkStrength(String field, String password, String... personal) {
        if (password == null || password.length() < policy.minLength()) {
            throw Problems.invalid(field, "must be at least " + policy.minLength() + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            throw Problems.invalid(field, "must be at most 72 bytes");
        }
        for (String p : personal) {
            if (p != null && password.equalsIgnoreCase(p)) {
                throw Problems.invalid(field, "must not be your email address or phone number");
            }
        }
    }

    /** A PIN is 4 to 6 digits, not all the same digit and not a straight run like 1234. */
    public void checkPin(String field, String pin) {
        if (pin == null || !pin.matches("[0-9]{4,6}")) {
            throw Problems.invalid(field, "must be 4 to 6 digits");
        }
        boolean same = pin.chars().distinct().count() == 1;
        boolean up = true, down = true;
        for (int i = 1; i < pin.length(); i++) {
            up &= pin.charAt(i) == pin.charAt(i - 1) + 1;
            down &= pin.charAt(i) == pin.charAt(i - 1) - 1;
        }
        if (same || up || down) {
            throw Problems.invalid(field, "is too easy to guess");
        }
    }
}
