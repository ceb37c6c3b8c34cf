package dev.kirana.gateway.resilience;

import dev.kirana.gateway.EdgeProperties;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.timelimiter.TimeLimiterConfig;
import org.springframework.cloud.circuitbreaker.resilience4j.ReactiveResilience4JCircuitBreakerFactory;
import org.springframework.cloud.circuitbreaker.resilience4j.Resilience4JConfigBuilder;
import org.springframework.cloud.client.circuitbreaker.Customizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Time limit and circuit breaker of each route's {@code CircuitBreaker} filter, by its name
 * ({@code kirana.gateway.resilience.<name>.*}, falling back to {@code kirana.gateway.default-resilience.*}).
 */
@Configuration(proxyBeanMethods = false)
public class ResilienceConfiguration {

    @Bean
    Customizer<ReactiveResilience4JCircuitBreakerFactory> kiranaCircuitBreakers(EdgeProperties props) {
        return factory -> factory.configureDefault(name -> {
            EdgeProperties.Resilience r = props.resilience().getOrDefault(name, props.defaultResilience());
            return new Resilience4JConfigBuilder(name)
                    .timeLimiterConfig(TimeLimiterConfig.custom().timeoutDuration(r.timeout()).cancelRunningFuture(true).build())
                    .circuitBreakerConfig(CircuitBreakerConfig.custom()
                            .failureRateThreshold(r.failureRateThreshold())
                            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                            .slidingWindowSize(r.slidingWindowSize())
                            .minimumNumberOfCalls(r.minimumCalls())
                            .waitDurationInOpenState(r.openFor())
                            .permittedNumberOfCallsInHalfOpenState(3)
                            .automaticTransitionFromOpenToHalfOpenEnabled(true)
                            .build())
                    .build();
        });
    }
}
