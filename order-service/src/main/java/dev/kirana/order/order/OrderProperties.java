package dev.kirana.order.order;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reservationTimeout how long an order may stay PENDING before it is cancelled
 * @param sweepInterval      how often overdue orders are looked for
 * @param maxWait            the longest {@code Prefer: wait} honoured
 */
@ConfigurationProperties("kirana.orders")
public record OrderProperties(@DefaultValue("30s") Duration reservationTimeout,
                              @DefaultValue("1s") Duration sweepInterval,
                              @DefaultValue("30s") Duration maxWait) {
}
