package dev.kirana.messaging;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * What a service publishes and consumes ({@code kirana.messaging.*}): the topics it publishes and the
 * dead-letter twins of those it consumes are created at start-up; listener retries are bounded.
 */
@ConfigurationProperties("kirana.messaging")
public record MessagingProperties(
        @DefaultValue List<String> publishes,
        @DefaultValue List<String> consumes,
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("3") int maxRetries,
        @DefaultValue("200ms") Duration retryInterval,
        @DefaultValue("30s") Duration handlerTimeout) {
}
