package dev.kirana.auth.otp;

import dev.kirana.auth.config.AuthProperties;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A mail gateway over HTTP: {@code POST <url>} with JSON {@code {"to","from","subject","text"}} and an optional
 * Authorization header (the shape of most transactional-mail APIs, or of a small adapter in front of one).
 * Non-2xx answers and timeouts are errors; the caller reports them as "could not send".
 */
public class HttpEmailSender implements EmailSender {
    private static final Logger log = LoggerFactory.getLogger(HttpEmailSender.class);
    private final WebClient client;
    private final AuthProperties.EmailHttp config;

    public HttpEmailSender(WebClient.Builder builder, AuthProperties.EmailHttp config) {
        if (config.url() == null || config.url().isBlank()) {
            throw new IllegalStateException("kirana.auth.email.provider=http needs kirana.auth.email.http.url (KIRANA_EMAIL_HTTP_URL)");
        }
        this.config = config;
        this.client = builder.build();
    }

    @Override
    public Mono<Void> send(String email, String subject, String text) {
        return client.post().uri(config.url())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (config.authorization() != null && !config.authorization().isBlank()) {
                        h.set(HttpHeaders.AUTHORIZATION, config.authorization());
                    }
                })
                .bodyValue(Map.of("to", email, "from", config.from(), "subject", subject, "text", text))
                .retrieve()
                .toBodilessEntity()
                .timeout(config.timeout())
                .doOnError(e -> log.warn("mail gateway refused a message: {}", e.toString()))
                .then();
    }
}
