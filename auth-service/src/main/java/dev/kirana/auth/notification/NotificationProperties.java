package dev.kirana.auth.notification;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code kirana.notifications.*}: how the delivery log is worked off, and the outside channels' settings.
 *
 * @param deliveryInterval how often due deliveries are looked for
 * @param maxAttempts      attempts of one delivery before it is DEAD (in the owner's dead-letter list)
 * @param retryBackoff     the wait after the first failed attempt; it doubles after each further one
 * @param lease            how long a claimed delivery is not claimed again (a sender that died mid-send is retried after it)
 * @param batchSize        deliveries claimed per round
 * @param maxEventAge      an event older than this notifies no one (a replay of history from the topics' start)
 */
@ConfigurationProperties("kirana.notifications")
public record NotificationProperties(
        @DefaultValue("10s") Duration deliveryInterval,
        @DefaultValue("5") int maxAttempts,
        @DefaultValue("1m") Duration retryBackoff,
        @DefaultValue("5m") Duration lease,
        @DefaultValue("50") int batchSize,
        @DefaultValue("1d") Duration maxEventAge,
        @DefaultValue Email email,
        @DefaultValue WhatsApp whatsapp) {

    /** @param from the sender address of notification emails (SMTP itself is Spring's {@code spring.mail.*}) */
    public record Email(@DefaultValue("no-reply@kirana.local") String from) {
    }

    /**
     * A WhatsApp provider's HTTP API: {@code POST url} with {@code {"to", "type": "text", "text"}} and the Authorization
     * header; no URL: messages are written to the log.
     */
    public record WhatsApp(String url, String authorization, @DefaultValue("10s") Duration timeout) {
    }
}
