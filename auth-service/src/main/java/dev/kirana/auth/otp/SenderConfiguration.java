package dev.kirana.auth.otp;

import dev.kirana.auth.config.AuthProperties;
import dev.kirana.auth.notification.EmailNotificationSender;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * The email sender ({@code kirana.auth.email.provider}: {@code log}, {@code http}, {@code smtp} (Spring's mail sender, as
 * notification emails use) or {@code off}); texts go through
 * the suite's SMS sender ({@code kirana-sms}, {@code KIRANA_SMS_PROVIDER}).
 */
@Configuration(proxyBeanMethods = false)
public class SenderConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EmailSender emailSender(AuthProperties props, ObjectProvider<WebClient.Builder> builders, ObjectProvider<EmailNotificationSender> smtp) {
        AuthProperties.Email email = props.email();
        return switch (email.provider()) {
            case "http" -> new HttpEmailSender(builders.getIfAvailable(WebClient::builder), email.http());
            case "smtp" -> smtp.getObject()::send;
            case "log" -> new LoggingEmailSender();
            case "off" -> (to, subject, text) -> Mono.error(new IllegalStateException("email is off (kirana.auth.email.provider=off)"));
            default -> throw new IllegalStateException("unknown kirana.auth.email.provider " + email.provider() + " (log | http | smtp | off)");
        };
    }
}
