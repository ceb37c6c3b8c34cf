package dev.kirana.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Tuning of the outbox relay ({@code kirana.outbox.*}).
 *
 * @param relayEnabled  whether this service runs a relay at all
 * @param batchSize     rows published and marked per transaction
 * @param pollInterval  how often the relay looks for unsent rows when no notification woke it
 * @param retryBackoff  pause after a failed batch, and first pause before re-opening a lost LISTEN connection
 * @param sendTimeout   longest wait for the broker to acknowledge a batch; also bounds a graceful stop
 * @param retention     how long sent rows are kept before the purge removes them
 * @param purgeInterval how often the relay purges sent rows older than the retention
 */
@ConfigurationProperties("kirana.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("200") int batchSize,
        @DefaultValue("500ms") Duration pollInterval,
        @DefaultValue("1s") Duration retryBackoff,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("7d") Duration retention,
        @DefaultValue("1h") Duration purgeInterval) {

    @ConstructorBinding
    public OutboxProperties {
        if (batchSize < 1) {
            throw new IllegalArgumentException("kirana.outbox.batch-size must be at least 1");
        }
    }

    /** The settings without a purge interval (purges hourly). */
    public OutboxProperties(boolean relayEnabled, int batchSize, Duration pollInterval, Duration retryBackoff,
                            Duration sendTimeout, Duration retention) {
        this(relayEnabled, batchSize, pollInterval, retryBackoff, sendTimeout, retention, Duration.ofHours(1));
    }
}
