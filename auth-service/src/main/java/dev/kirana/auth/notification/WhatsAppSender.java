package dev.kirana.auth.notification;

import dev.kirana.sms.JsonGateway;
import dev.kirana.sms.SmsSender;
import java.util.Map;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * WhatsApp text messages through a provider's HTTP API, behind the same interface as SMS: {@code POST} of
 * {@code {"to": "+91…", "type": "text", "text": "…"}}. Not a Spring bean of type {@link SmsSender} (that would
 * replace the suite's SMS sender); {@link PhoneNotificationSenders} wraps it.
 */
final class WhatsAppSender implements SmsSender {
    private final JsonGateway gateway;

    WhatsAppSender(WebClient.Builder builder, NotificationProperties.WhatsApp props) {
        this.gateway = new JsonGateway(builder, "WhatsApp gateway", props.url(), "kirana.notifications.whatsapp.url",
                props.authorization(), props.timeout());
    }

    @Override
    public Mono<Void> send(String phone, String text) {
        return gateway.post(phone, Map.of("to", phone, "type", "text", "text", text));
    }
}
