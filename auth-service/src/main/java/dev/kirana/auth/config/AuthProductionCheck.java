package dev.kirana.auth.config;

import dev.kirana.web.production.Findings;
import dev.kirana.web.production.ProductionCheck;
import org.springframework.core.env.Environment;

/** What auth-service refuses under the prod profile: the demo shop, emails in the log, unencrypted signing keys. */
public class AuthProductionCheck implements ProductionCheck {
    /** A shorter secret is too easy to guess, whatever the KDF's work factor. */
    static final int MIN_KEY_SECRET_LENGTH = 16;

    @Override
    public void check(Environment env, Findings findings) {
        // only an explicit false is accepted: a typo must not leave the well-known logins in place
        if (!"false".equalsIgnoreCase(env.getProperty("kirana.demo.enabled", "true").trim())) {
            findings.add("KIRANA_DEMO_ENABLED (kirana.demo.enabled)",
                    "is true: the demo shop would be created with the published logins owner@demo.kirana / kirana-demo",
                    "Set KIRANA_DEMO_ENABLED=false");
        }
        String email = env.getProperty("kirana.auth.email.provider", "log");
        if ("log".equals(email)) {
            findings.add("KIRANA_EMAIL_PROVIDER (kirana.auth.email.provider)",
                    "is 'log': email verification and password-reset codes would be written to the log",
                    "Set KIRANA_EMAIL_PROVIDER=http with KIRANA_EMAIL_HTTP_URL (and KIRANA_EMAIL_HTTP_AUTHORIZATION, KIRANA_EMAIL_FROM), =smtp with KIRANA_SMTP_HOST, or =off to send no email (codes by SMS only)");
        } else if ("http".equals(email) && env.getProperty("kirana.auth.email.http.url", "").isBlank()) {
            findings.add("KIRANA_EMAIL_HTTP_URL (kirana.auth.email.http.url)", "is empty, so no email can be sent",
                    "Set it to the mail gateway's URL");
        } else if ("smtp".equals(email) && env.getProperty("spring.mail.host", "").isBlank()) {
            findings.add("KIRANA_SMTP_HOST (spring.mail.host)", "is empty, so no email can be sent",
                    "Set it to the SMTP server (with KIRANA_SMTP_PORT, KIRANA_SMTP_USERNAME, KIRANA_SMTP_PASSWORD, KIRANA_SMTP_STARTTLS)");
        }
        String secret = env.getProperty("kirana.auth.keys.encryption-secret", "");
        if (secret.isBlank()) {
            findings.add("KIRANA_AUTH_KEY_SECRET (kirana.auth.keys.encryption-secret)",
                    "is not set: the private keys that sign every token would be stored unencrypted in the database",
                    "Set it to a random secret of at least " + MIN_KEY_SECRET_LENGTH + " characters (e.g. openssl rand -base64 32), from a Secret, and keep it: without it stored keys cannot be read");
        } else if (secret.length() < MIN_KEY_SECRET_LENGTH) {
            findings.add("KIRANA_AUTH_KEY_SECRET (kirana.auth.keys.encryption-secret)",
                    "is shorter than " + MIN_KEY_SECRET_LENGTH + " characters, too weak to protect the signing keys",
                    "Set a random secret of at least " + MIN_KEY_SECRET_LENGTH + " characters (e.g. openssl rand -base64 32)");
        }
    }
}
