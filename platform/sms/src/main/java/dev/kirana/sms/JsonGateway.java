package dev.kirana.sms;

import java.time.Duration;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A message provider's HTTP API as the suite's senders use it (SMS here, mail in auth-service): {@code POST <url>}
 * with a JSON body and an optional Authorization header. Non-2xx answers and timeouts are errors; the caller
 * reports them as "could not send".
 */
public final class JsonGateway {
    private static final Logger log = LoggerFactory.getLogger(JsonGateway.class);
    private final WebClient client;
    private final String url;
    private final String authorization;
    private final Duration timeout;
    private final String name;

    /**
     * @param name    what the gateway is, for errors and logs ("SMS gateway")
     * @param setting the setting that names the URL, for the start-up error when it is missing
     */
    public JsonGateway(WebClient.Builder builder, String name, String url, String setting, String authorization, Duration timeout) {
        if (url == null || url.isBlank()) {
            throw new IllegalStateException("the " + name + " needs " + setting);
        }
        this.client = builder.build();
        this.name = name;
        this.url = url;
        this.authorization = authorization;
        this.timeout = timeout;
    }

    /** Posts one message; {@code to} only names the recipient in the log line of a refusal. */
    public Mono<Void> post(String to, Map<String, Object> body) {
        return client.post().uri(url)
                .contentType(MediaType.APPLICATION_JSON)
                .headers(h -> {
                    if (authorization != null && !authorization.isBlank()) {
                        h.set(HttpHeaders.AUTHORIZATION, authorization);
                    }
                })
                .bodyValue(body)
                .retrieve()
                .toBodilessEntity()
                .timeout(timeout)
                .doOnError(e -> log.warn("{} refused a message to {}: {}", name, to, e.toString()))
                .then();
    }
}
