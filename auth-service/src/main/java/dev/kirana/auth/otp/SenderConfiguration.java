package dev.kirana.auth.otp;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The email sender; texts go through the suite's SMS sender ({@code kirana-sms}, {@code KIRANA_SMS_PROVIDER}). */
@Configuration(proxyBeanMethods = false)
public class SenderConfiguration {

    @Bean
    @ConditionalOnMissingBean
    EmailSender emailSender() {
        return new LoggingEmailSender();
    }
}
