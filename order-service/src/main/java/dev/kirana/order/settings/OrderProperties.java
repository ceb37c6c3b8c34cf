package dev.kirana.order.settings;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param reservationTimeout how long an order may stay PENDING before it is cancelled
 * @param sweepInterval      how often overdue orders are looked for
 * @param maxWait            the longest {@code Prefer: wait} honoured
 * @param defaultStateCode   the GST state of a shop whose shop.created event has not arrived yet
 * @param shopZone           the zone of the dates printed on invoices (date of supply, financial year)
 */
@ConfigurationProperties("kirana.orders")
public record OrderProperties(@DefaultValue("30s") Duration reservationTimeout,
                              @DefaultValue("1s") Duration sweepInterval,
                              @DefaultValue("30s") Duration maxWait,
                              @DefaultValue("29") String defaultStateCode,
                              @DefaultValue("Asia/Kolkata") ZoneId shopZone) {
}
