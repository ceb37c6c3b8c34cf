package dev.kirana.sms;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.web.reactive.function.client.WebClient;

/** Picks the SMS provider ({@code kirana.sms.provider}: {@code log} or {@code http}); a service's own SmsSender bean wins. */
@AutoConfiguration(afterName = "org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration")
@EnableConfigurationProperties(SmsProperties.class)
public class SmsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    SmsSender smsSender(SmsProperties props, ObjectProvider<WebClient.Builder> builders) {
        return switch (props.provider()) {
            case "http" -> new HttpSmsSender(builders.getIfAvailable(WebClient::builder), props.http());
            case "log" -> new LoggingSmsSender();
            default -> throw new IllegalStateException("unknown kirana.sms.provider " + props.provider() + " (log | http)");
        };
    }
}
