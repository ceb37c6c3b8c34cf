package dev.kirana.auth.config;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
public class AuthConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    SecureRandom secureRandom() {
        return new SecureRandom();
    }

    /**
     * bcrypt behind a delegating encoder: stored hashes carry their algorithm id ({@code {bcrypt}...}),
     * so the algorithm or its strength can change later without invalidating existing passwords.
     */
    @Bean
    PasswordEncoder passwordEncoder(AuthProperties props) {
        return new DelegatingPasswordEncoder("bcrypt",
                Map.of("bcrypt", new BCryptPasswordEncoder(props.password().bcryptStrength())));
    }
}
