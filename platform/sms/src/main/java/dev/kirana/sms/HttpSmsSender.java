package dev.kirana.sms;

import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * A real SMS gateway over HTTP: {@code POST <url>} with JSON {@code {"to","from","message"}} and an optional
 * Authorization header ({@link JsonGateway}). Most Indian SMS providers (and any small adapter in front of one)
 * accept this shape.
 */
public class HttpSmsSender implements SmsSender {
    private final JsonGateway gateway;
    private final SmsProperties.Http config;

    public HttpSmsSender(WebClient.Builder builder, SmsProperties.Http config) {
        this.config = config;
        this.gateway = new JsonGateway(builder, "SMS gateway (kirana.sms.provider=http)", config.url(),
                "kirana.sms.http.url (KIRANA_SMS_HTTP_URL)", config.authorization(), config.timeout());
    }

    @Override
    public Mono<Void> send(String phone, String text) {
        return gateway.post(phone, Map.of("to", phone, "from", config.senderId(), "message", text));
    }
}
