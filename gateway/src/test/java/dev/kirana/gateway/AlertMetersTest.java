package dev.kirana.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.prometheusmetrics.PrometheusNamingConvention;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The gateway exports what the suite's alerts and dashboard read (k8s/components/monitoring): each circuit breaker's
 * state, and the request timer with histogram buckets for the p99.
 */
class AlertMetersTest extends GatewayTest {
    @Autowired
    MeterRegistry meters;

    @Test
    void circuitBreakerStatesAndTheRequestLatencyHistogramAreMeters() {
        String token = issuers.token("u-" + UUID.randomUUID(), "shop-" + UUID.randomUUID(), "OWNER");
        http.get().uri("/api/v1/products").headers(h -> h.setBearerAuth(token)).exchange().expectStatus().isOk();

        Gauge closed = meters.find("resilience4j.circuitbreaker.state").tags("name", "catalog-service", "state", "closed").gauge();
        Gauge open = meters.find("resilience4j.circuitbreaker.state").tags("name", "catalog-service", "state", "open").gauge();
        assertThat(closed).as("catalog-service's breaker, closed").isNotNull();
        assertThat(open).as("catalog-service's breaker, open").isNotNull();
        assertThat(closed.value()).isEqualTo(1.0);
        assertThat(open.value()).isZero();

        Timer requests = meters.find("http.server.requests").tag("status", "200").timers().stream()
                .filter(t -> t.getId().getTag("uri") != null).findFirst().orElseThrow();
        assertThat(requests.takeSnapshot().histogramCounts()).as("buckets for histogram_quantile").hasSizeGreaterThan(10);

        var names = new PrometheusNamingConvention();
        assertThat(names.name("resilience4j.circuitbreaker.state", Meter.Type.GAUGE)).isEqualTo("resilience4j_circuitbreaker_state");
        assertThat(names.name("http.server.requests", Meter.Type.TIMER)).isEqualTo("http_server_requests_seconds");
    }
}
