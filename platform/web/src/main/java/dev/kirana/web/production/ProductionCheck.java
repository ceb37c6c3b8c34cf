package dev.kirana.web.production;

import org.springframework.core.env.Environment;

/**
 * What one part of the suite knows about its own unsafe defaults. Implementations are listed in
 * {@code META-INF/spring.factories} under this interface's name (platform/web: the database password;
 * platform/sms: the SMS provider; auth-service: demo data, email, signing-key encryption) and are run
 * together by {@link ProductionGuard} when the {@code prod} profile is active.
 * <p>
 * A check reads only the resolved {@link Environment}, so it runs before any bean exists: nothing is
 * seeded, sent or stored with an unsafe setting.
 */
public interface ProductionCheck {

    /** Reports every unsafe setting this part knows of to {@code findings}. */
    void check(Environment environment, Findings findings);
}
