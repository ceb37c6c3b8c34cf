package dev.kirana.gateway.console;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The web console ({@code kirana.gateway.console.*}).
 *
 * @param authServiceUrl  where the session endpoints sign in (auth-service's public login, code and refresh endpoints)
 * @param refreshLifetime how long the refresh and CSRF cookies are kept (auth-service's refresh-token lifetime)
 */
@ConfigurationProperties("kirana.gateway.console")
public record ConsoleProperties(@DefaultValue("http://127.0.0.1:8081") String authServiceUrl,
                                @DefaultValue("30d") Duration refreshLifetime) {
}
