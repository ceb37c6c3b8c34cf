package dev.kirana.auth.notification;

import dev.kirana.sms.SmsSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/** SMS (the suite's {@link SmsSender}) and WhatsApp (a {@link WhatsAppSender}, or the log when no URL is set) as channels. */
@Configuration(proxyBeanMethods = false)
class PhoneNotificationSenders {
    private static final Logger log = LoggerFactory.getLogger(PhoneNotificationSenders.class);

    @Bean
    NotificationSender smsNotificationSender(SmsSender sms) {
        return phone(NotificationChannel.SMS, sms);
    }

    @Bean
    NotificationSender whatsAppNotificationSender(NotificationProperties props, ObjectProvider<WebClient.Builder> builders) {
        NotificationProperties.WhatsApp w = props.whatsapp();
        SmsSender sender = w.url() == null || w.url().isBlank()
                ? (phone, text) -> Mono.fromRunnable(() -> log.info("WhatsApp (no kirana.notifications.whatsapp.url set) to {}: {}", phone, text))
                : new WhatsAppSender(builders.getIfAvailable(WebClient::builder), w);
        return phone(NotificationChannel.WHATSAPP, sender);
    }

    /** A text message carries the title and the body. */
    private static NotificationSender phone(NotificationChannel channel, SmsSender sender) {
        return new NotificationSender() {
            @Override
            public NotificationChannel channel() {
                return channel;
            }

            @Override
            public Mono<Void> send(String recipient, String subject, String body) {
                return sender.send(recipient, subject + "\n" + body);
            }
        };
    }
}
