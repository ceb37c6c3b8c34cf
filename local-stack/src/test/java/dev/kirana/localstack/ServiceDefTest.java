package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceDefTest {

    @Test
    void authStartsFirstAndTheGatewayLast() {
        assertThat(ServiceDef.ALL.get(0).name()).isEqualTo("auth-service");
        assertThat(ServiceDef.ALL.get(ServiceDef.ALL.size() - 1).name()).isEqualTo("gateway");
        assertThat(ServiceDef.ALL).isSortedAccordingTo(java.util.Comparator.comparingInt(ServiceDef::wave));
    }

    @Test
    void everyServiceButTheGatewayOwnsADatabase() {
        assertThat(ServiceDef.databases()).containsExactly("kirana_auth", "kirana_catalog", "kirana_inventory",
                "kirana_order", "kirana_accounting", "kirana_reporting");
        assertThat(ServiceDef.require("gateway").database()).isNull();
    }

    @Test
    void findAcceptsTheShortName() {
        assertThat(ServiceDef.find("order")).map(ServiceDef::name).contains("order-service");
        assertThat(ServiceDef.find("order-service")).map(ServiceDef::name).contains("order-service");
        assertThat(ServiceDef.find("gateway")).isPresent();
        assertThat(ServiceDef.find("postgres")).isEmpty();
        assertThat(ServiceDef.find(null)).isEmpty();
    }

    @Test
    void execJarFollowsTheBuildNaming() {
        assertThat(ServiceDef.require("gateway").execJarName()).isEqualTo("gateway-0.1.0-SNAPSHOT-exec.jar");
    }
}
