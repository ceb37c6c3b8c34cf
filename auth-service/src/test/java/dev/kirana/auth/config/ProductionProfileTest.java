package dev.kirana.auth.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.web.production.UnsafeProductionSettingsException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/**
 * auth-service's start-up under the prod profile, with its real application.yml and every check on its classpath
 * (platform/web's database password, platform/sms's provider, auth-service's own): no beans are needed for the
 * refusal, so the application is an empty configuration.
 */
class ProductionProfileTest {
    static final List<String> SAFE = List.of(
            "--kirana.db.password=a-real-db-password",
            "--kirana.demo.enabled=false",
            "--kirana.sms.provider=http", "--kirana.sms.http.url=https://sms.example/send",
            "--kirana.auth.email.provider=http", "--kirana.auth.email.http.url=https://mail.example/send",
            "--kirana.auth.keys.encryption-secret=0123456789abcdef0123456789abcdef");

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    private static ConfigurableApplicationContext start(String profile, List<String> args) {
        SpringApplication app = new SpringApplication(Nothing.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        if (profile != null) {
            app.setAdditionalProfiles(profile);
        }
        List<String> all = new ArrayList<>(args);
        all.add("--spring.main.banner-mode=off");
        return app.run(all.toArray(String[]::new));
    }

    @Test
    void theDefaultsAreRefusedAllAtOnceWithWhatToSet() {
        assertThatThrownBy(() -> start("prod", List.of()))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("Refusing to start auth-service with the prod profile: 5 settings are unsafe")
                .hasMessageContaining("KIRANA_DB_PASSWORD")
                .hasMessageContaining("KIRANA_SMS_PROVIDER (kirana.sms.provider): is 'log'")
                .hasMessageContaining("Set KIRANA_SMS_PROVIDER=http")
                .hasMessageContaining("KIRANA_DEMO_ENABLED (kirana.demo.enabled): is true")
                .hasMessageContaining("Set KIRANA_DEMO_ENABLED=false")
                .hasMessageContaining("KIRANA_EMAIL_PROVIDER (kirana.auth.email.provider): is 'log'")
                .hasMessageContaining("KIRANA_AUTH_KEY_SECRET (kirana.auth.keys.encryption-secret): is not set");
    }

    @Test
    void eachUnsafeSettingIsRefusedOnItsOwn() {
        for (String unsafe : List.of("--kirana.demo.enabled=true", "--kirana.sms.provider=log",
                "--kirana.auth.email.provider=log", "--kirana.auth.keys.encryption-secret=", "--kirana.auth.keys.encryption-secret=short",
                "--kirana.sms.http.url=", "--kirana.auth.email.http.url=", "--kirana.db.password=postgres")) {
            String key = unsafe.substring(0, unsafe.indexOf('=') + 1);
            List<String> args = new ArrayList<>(SAFE.stream().filter(a -> !a.startsWith(key)).toList());
            args.add(unsafe);
            assertThatThrownBy(() -> start("prod", args)).as(unsafe)
                    .isInstanceOfSatisfying(UnsafeProductionSettingsException.class, e -> assertThat(e.findings()).hasSize(1));
        }
    }

    @Test
    void safeSettingsStart() {
        try (var context = start("prod", SAFE)) {
            assertThat(context.isActive()).isTrue();
        }
        List<String> noEmail = new ArrayList<>(SAFE.stream().filter(a -> !a.startsWith("--kirana.auth.email.provider=")).toList());
        noEmail.add("--kirana.auth.email.provider=off");
        try (var context = start("prod", noEmail)) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void withoutTheProdProfileTheFriendlyDefaultsStay() {
        try (var context = start(null, List.of())) {
            assertThat(context.getEnvironment().getProperty("kirana.demo.enabled")).isEqualTo("true");
            assertThat(context.getEnvironment().getProperty("kirana.sms.provider")).isEqualTo("log");
        }
    }
}
