package dev.kirana.sms;

import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A real SMS gateway over HTTP: {@code POST <url>} with JSON {@code {"to","from","message"}} and an optional
 * Authorization header. Most Indian SMS providers (and any small adapter in front of one) accept this shape.
 * Non-2xx answers and timeouts are errors; the caller reports them as "could not send".
 */
public class HttpSmsSender implements SmsSender {
    private static final Logger log = LoggerFactory.getLogger(HttpSmsSender.class);
    private final WebClient client;
    private final SmsProperties.Http config;

    public HttpSmsSender(WebClient.Builder builder, SmsProperties.Http config) {
        if (config.url() == null || config.url().isBlank()) {
            throw new IllegalStateException("kirana.sms.provider=http needs kirana.sms.http.url (KIRANA_SMS_HTTP_URL)");
        }
        this.config = config;
        this.client = builder.build();
    }

    @Override
    public Mono<Void> send(String phone, String text) {
        return client.post().uri(config.url())
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (config.authorization() != null && !config.authorization().isBlank()) {
                        h.set(HttpHeaders.AUTHORIZATION, config.authorization());
                    }
                })
                .bodyValue(Map.of("to", phone, "from", config.senderId(), "message", text))
                .retrieve()
                .toBodilessEntity()
                .timeout(config.timeout())
                .doOnError(e -> log.warn("SMS gateway refused a message to {}: {}", phone, e.toString()))
                .then();
    }
}
