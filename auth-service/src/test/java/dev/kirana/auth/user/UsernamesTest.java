package dev.kirana.auth.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.auth.config.AuthProperties;
import org.junit.jupiter.api.Test;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.web.ErrorResponseException;

class UsernamesTest {

    @Test
    void indianMobileNumbersAreNormalisedToE164() {
        assertThat(Usernames.phone("9876543210")).contains("+919876543210");
        assertThat(Usernames.phone("09876543210")).contains("+919876543210");
        assertThat(Usernames.phone("91 98765 43210")).contains("+919876543210");
        assertThat(Usernames.phone("+91-98765-43210")).contains("+919876543210");
        assertThat(Usernames.phone("+14155550123")).contains("+14155550123");
        assertThat(Usernames.phone("5876543210")).isEmpty();
        assertThat(Usernames.phone("12")).isEmpty();
    }

    @Test
    void emailsAreLowercased() {
        assertThat(Usernames.normalize("Ravi.Sharma@Example.COM")).contains("ravi.sharma@example.com");
        assertThat(Usernames.normalize("not@an")).isEmpty();
        assertThat(Usernames.isEmail("a@b.in")).isTrue();
        assertThat(Usernames.isEmail("+919876543210")).isFalse();
    }

    @Test
    @SuppressWarnings("deprecation")
    void pinsMustNotBeObvious() {
        var props = new AuthProperties(null, null, null, new AuthProperties.Password(4, 8), new AuthProperties.Keys(null, null, null, null, 0),
                null, null, null, null, null);
        Passwords passwords = new Passwords(NoOpPasswordEncoder.getInstance(), props);
        passwords.checkPin("pin", "4829");
        passwords.checkPin("pin", "730915");
        for (String bad : new String[]{"1234", "4321", "0000", "123", "1234567", "12a4", "987654"}) {
            assertThatThrownBy(() -> passwords.checkPin("pin", bad)).as(bad).isInstanceOf(ErrorResponseException.class);
        }
        assertThatThrownBy(() -> passwords.checkStrength("password", "short")).isInstanceOf(ErrorResponseException.class);
        assertThatThrownBy(() -> passwords.checkStrength("password", "ravi@example.com", "ravi@example.com"))
                .isInstanceOf(ErrorResponseException.class);
        passwords.checkStrength("password", "long-enough-1");
    }
}
