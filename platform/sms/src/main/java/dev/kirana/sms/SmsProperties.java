package dev.kirana.sms;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The SMS provider of a service ({@code kirana.sms.*}, from {@code KIRANA_SMS_*}; see sms-defaults.properties).
 *
 * @param provider {@code log} (writes texts to the log; local default) or {@code http}
 */
@ConfigurationProperties("kirana.sms")
public record SmsProperties(@DefaultValue("log") String provider, @DefaultValue Http http) {
    /**
     * A generic JSON SMS gateway: POST {@code {"to","from","message"}} to {@code url}.
     *
     * @param authorization value of the Authorization header, e.g. {@code Bearer xyz}
     */
    public record Http(String url, String authorization, @DefaultValue("KIRANA") String senderId,
                       @DefaultValue("5s") Duration timeout) {
    }
}
