package dev.kirana.gateway.metrics;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import java.time.Duration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The gateway's request timer ({@code http.server.requests}) as a histogram, so that Prometheus can compute the p99
 * latency that clients see across every gateway replica ({@code histogram_quantile} over
 * {@code http_server_requests_seconds_bucket}): the KiranaGatewayLatencyHigh alert and the suite's dashboard use it.
 * Buckets from 5 ms to 60 s (longer than the longest route's time limit) keep the series per route and status few.
 */
@Configuration(proxyBeanMethods = false)
class LatencyHistogram {
    static final String REQUESTS = "http.server.requests";

    @Bean
    MeterFilter requestLatencyHistogram() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                if (!REQUESTS.equals(id.getName())) {
                    return config;
                }
                return DistributionStatisticConfig.builder()
                        .percentilesHistogram(true)
                        .minimumExpectedValue((double) Duration.ofMillis(5).toNanos())
                        .maximumExpectedValue((double) Duration.ofSeconds(60).toNanos())
                        .build()
                        .merge(config);
            }
        };
    }
}
