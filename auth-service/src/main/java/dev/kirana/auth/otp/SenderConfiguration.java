package dev.kirana.auth.otp;

import dev.kirana.auth.config.AuthProperties;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.reactive.function.client.WebClient;

/** Picks the SMS provider ({@code kirana.auth.sms.provider}: {@code log} or {@code http}). */
@Configuration(proxyBeanMethods = false)
public class SenderConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SmsSender smsSender(AuthProperties props) {
        return switch (props.sms().provider()) {
            case "http" -> new HttpSmsSender(WebClient.builder(), props.sms().http());
            case "log" -> new LoggingSmsSender();
            default -> throw new IllegalStateException("unknown kirana.auth.sms.provider " + props.sms().provider() + " (log | http)");
        };
    }

    @Bean
    @ConditionalOnMissingBean
    EmailSender emailSender() {
        return new LoggingEmailSender();
    }
}
