package dev.kirana.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** Tuning of the outbox relay ({@code kirana.outbox.*}). */
@ConfigurationProperties("kirana.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("200") int batchSize,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention) {
}
