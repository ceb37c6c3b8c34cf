package dev.kirana.localstack;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PortLayoutTest {

    @Test
    void defaultPorts() {
        PortLayout ports = PortLayout.defaults();
        assertThat(ports.postgres()).isEqualTo(15432);
        assertThat(ports.kafka()).isEqualTo(19092);
        assertThat(ports.kafkaController()).isEqualTo(19093);
        assertThat(ports.service("gateway")).isEqualTo(8080);
        assertThat(ports.service("auth-service")).isEqualTo(8081);
        assertThat(ports.service("catalog-service")).isEqualTo(8082);
        assertThat(ports.service("inventory-service")).isEqualTo(8083);
        assertThat(ports.service("order-service")).isEqualTo(8084);
        assertThat(ports.service("accounting-service")).isEqualTo(8085);
        assertThat(ports.service("reporting-service")).isEqualTo(8086);
        assertThat(ports.serviceUrl("order-service")).isEqualTo("http://127.0.0.1:8084");
    }

    @Test
    void offsetShiftsEveryPort() {
        PortLayout ports = new PortLayout(100);
        assertThat(ports.postgres()).isEqualTo(15532);
        assertThat(ports.kafka()).isEqualTo(19192);
        assertThat(ports.kafkaController()).isEqualTo(19193);
        assertThat(ports.service("gateway")).isEqualTo(8180);
        assertThat(ports.serviceUrl("reporting")).isEqualTo("http://127.0.0.1:8186");
    }

    @Test
    void everyPortOfALayoutIsDistinct() {
        PortLayout ports = PortLayout.defaults();
        java.util.Set<Integer> all = new java.util.HashSet<>();
        all.add(ports.postgres());
        all.add(ports.kafka());
        all.add(ports.kafkaController());
        ServiceDef.ALL.forEach(s -> all.add(ports.service(s)));
        assertThat(all).hasSize(3 + ServiceDef.ALL.size());
    }

    @Test
    void offsetMustKeepPortsInRange() {
        assertThatThrownBy(() -> new PortLayout(-7100)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PortLayout(46443)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new PortLayout(46442).kafkaController()).isEqualTo(65535);
    }

    @Test
    void unknownServiceIsReportedWithTheKnownOnes() {
        assertThatThrownBy(() -> PortLayout.defaults().service("billing"))
                .hasMessageContaining("unknown service 'billing'")
                .hasMessageContaining("order-service");
    }
}
