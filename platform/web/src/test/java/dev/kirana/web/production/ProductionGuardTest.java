package dev.kirana.web.production;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;

/** The prod profile refuses unsafe settings at start-up, through the real SpringApplication and spring.factories. */
class ProductionGuardTest {

    @Configuration(proxyBeanMethods = false)
    static class Nothing {
    }

    private static ConfigurableApplicationContext start(boolean prod, String... args) {
        SpringApplication app = new SpringApplication(Nothing.class);
        app.setWebApplicationType(WebApplicationType.NONE);
        if (prod) {
            app.setAdditionalProfiles(ProductionGuard.PROFILE);
        }
        String[] all = new String[args.length + 3];
        all[0] = "--spring.main.banner-mode=off";
        all[1] = "--spring.application.name=test-service";
        all[2] = "--server.port=8084";
        System.arraycopy(args, 0, all, 3, args.length);
        return app.run(all);
    }

    @Test
    void prodRefusesAnEmptyDatabasePasswordWithWhatToSet() {
        assertThatThrownBy(() -> start(true, "--kirana.db.name=kirana_test"))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("Refusing to start test-service with the prod profile")
                .hasMessageContaining("KIRANA_DB_PASSWORD")
                .hasMessageContaining("is empty");
    }

    @Test
    void prodRefusesAWellKnownDatabasePassword() {
        assertThatThrownBy(() -> start(true, "--kirana.db.name=kirana_test", "--kirana.db.password=kirana"))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("KIRANA_DB_PASSWORD (kirana.db.password): is a well-known default password");
    }

    @Test
    void prodStartsWhenTheSettingsAreSafe() {
        try (var context = start(true, "--kirana.db.name=kirana_test", "--kirana.db.password=Zq8v-3mLr!x0",
                "--management.server.port=9090")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void aServiceWithoutADatabaseIsNotAskedForItsPassword() {
        try (var context = start(true, "--management.server.port=9090")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void prodRefusesActuatorOnThePublicPort() {
        assertThatThrownBy(() -> start(true))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("KIRANA_MANAGEMENT_PORT (management.server.port): is not set");
        assertThatThrownBy(() -> start(true, "--management.server.port=8084"))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("KIRANA_MANAGEMENT_PORT (management.server.port): is the service's own port");
        assertThatThrownBy(() -> start(true, "--management.server.port=-1"))
                .isInstanceOf(UnsafeProductionSettingsException.class)
                .hasMessageContaining("nothing answers the readiness and liveness probes");
    }

    @Test
    void withoutTheProfileTheLocalDefaultsStay() {
        try (var context = start(false, "--kirana.db.name=kirana_test")) {
            assertThat(context.isActive()).isTrue();
        }
    }

    @Test
    void everyFindingIsListedAndTheReportSaysWhatToSet() {
        ProductionCheck two = (env, findings) -> {
            findings.add("A_SETTING", "is unsafe", "Set A_SETTING=x");
            findings.add("B_SETTING", "is unsafe too", "Set B_SETTING=y");
        };
        var env = new org.springframework.core.env.StandardEnvironment();
        var e = org.assertj.core.api.Assertions.catchThrowableOfType(UnsafeProductionSettingsException.class,
                () -> ProductionGuard.check(env, java.util.List.of(two)));
        assertThat(e.getMessage()).contains("2 settings are unsafe", "A_SETTING: is unsafe. Set A_SETTING=x",
                "B_SETTING: is unsafe too. Set B_SETTING=y");
        FailureAnalysis analysis = new UnsafeProductionSettingsFailureAnalyzer().analyze(e);
        assertThat(analysis.getAction()).contains("A_SETTING — Set A_SETTING=x", "B_SETTING — Set B_SETTING=y",
                "Operations: the production profile");
    }
}
