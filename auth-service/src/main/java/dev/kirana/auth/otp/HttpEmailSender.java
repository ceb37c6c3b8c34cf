package dev.kirana.auth.otp;

import dev.kirana.auth.config.AuthProperties;
import dev.kirana.sms.JsonGateway;
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A mail gateway over HTTP: {@code POST <url>} with JSON {@code {"to","from","subject","text"}} and an optional
 * Authorization header (the shape of most transactional-mail APIs, or of a small adapter in front of one), through
 * the same {@link JsonGateway} as the SMS sender.
 */
public class HttpEmailSender implements EmailSender {
    private final JsonGateway gateway;
    private final AuthProperties.EmailHttp config;

    public HttpEmailSender(WebClient.Builder builder, AuthProperties.EmailHttp config) {
        this.config = config;
        this.gateway = new JsonGateway(builder, "mail gateway (kirana.auth.email.provider=http)", config.url(),
                "kirana.auth.email.http.url (KIRANA_EMAIL_HTTP_URL)", config.authorization(), config.timeout());
    }

    @Override
    public Mono<Void> send(String email, String subject, String text) {
        return gateway.post(email, Map.of("to", email, "from", config.from(), "subject", subject, "text", text));
    }
}
