package dev.kirana.sms;

import dev.kirana.web.production.Findings;
import dev.kirana.web.production.ProductionCheck;
import org.springframework.core.env.Environment;

/** Under the prod profile texts must really be sent: the {@code log} provider writes one-time codes to the log. */
public class SmsProductionCheck implements ProductionCheck {

    @Override
    public void check(Environment env, Findings findings) {
        String provider = env.getProperty("kirana.sms.provider", "log");
        if (!"http".equals(provider)) {
            findings.add("KIRANA_SMS_PROVIDER (kirana.sms.provider)",
                    "is '" + provider + "': texts (sign-in and password-reset codes, khata reminders) would be written to the log, where anyone who reads logs can use them",
                    "Set KIRANA_SMS_PROVIDER=http and KIRANA_SMS_HTTP_URL (plus KIRANA_SMS_HTTP_AUTHORIZATION if the gateway needs it)");
        } else if (env.getProperty("kirana.sms.http.url", "").isBlank()) {
            findings.add("KIRANA_SMS_HTTP_URL (kirana.sms.http.url)", "is empty, so no text can be sent",
                    "Set it to the SMS gateway's URL");
        }
    }
}
