package dev.kirana.accounting.tally;

import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import io.github.resilience4j.timelimiter.TimeLimiterRegistry;
import java.net.http.HttpClient;
import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The calls to each shop's Tally: one circuit breaker per shop (each shop's Tally is its own machine), count-based
 * like the gateway's, and a time limit on every call.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(TallyProperties.class)
class TallyConfiguration {

    @Bean
    TallyAddressPolicy tallyAddressPolicy(TallyProperties props) {
        return new TallyAddressPolicy(props.allowPrivateAddresses(), TallyAddressPolicy.DNS);
    }

    @Bean
    CircuitBreakerRegistry tallyCircuitBreakers(TallyProperties props) {
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(props.slidingWindow())
                .minimumNumberOfCalls(props.minimumCalls())
                .failureRateThreshold(props.failureRateThreshold())
                .waitDurationInOpenState(props.openFor())
                .permittedNumberOfCallsInHalfOpenState(1)
                .build());
    }

    @Bean
    TimeLimiterRegistry tallyTimeLimiters(TallyProperties props) {
        return TimeLimiterRegistry.of(TimeLimiterConfig.custom().timeoutDuration(props.timeout()).cancelRunningFuture(true).build());
    }

    @Bean
    HttpClient tallyHttpClient(TallyProperties props) {
        // Tally answers on a plain port; redirects are not followed (a redirect could lead anywhere)
        return HttpClient.newBuilder().connectTimeout(props.timeout().compareTo(Duration.ofSeconds(2)) < 0 ? props.timeout() : Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }
}
