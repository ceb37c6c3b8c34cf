package dev.kirana.accounting.tally;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code kirana.tally.*}: how long a closing balance from Tally is fresh, how long a call may take, when the circuit
 * to a shop's Tally opens, and whether a Tally URL may be a private address.
 *
 * @param cacheTtl              a balance younger than this is served without asking Tally (2 hours)
 * @param timeout               a call to Tally slower than this fails (3 s)
 * @param failureRateThreshold  percent of failed calls, over the last {@code slidingWindow}, that opens the circuit
 * @param minimumCalls          calls needed before the rate counts
 * @param slidingWindow         calls the rate is taken over
 * @param openFor               how long an open circuit refuses calls before it lets a few try again
 * @param allowPrivateAddresses a Tally URL may be a loopback, link-local or private address (false)
 */
@ConfigurationProperties("kirana.tally")
public record TallyProperties(Duration cacheTtl, Duration timeout, Integer failureRateThreshold, Integer minimumCalls,
                              Integer slidingWindow, Duration openFor, boolean allowPrivateAddresses) {
    public TallyProperties {
        cacheTtl = cacheTtl == null ? Duration.ofHours(2) : cacheTtl;
        timeout = timeout == null ? Duration.ofSeconds(3) : timeout;
        failureRateThreshold = failureRateThreshold == null ? 50 : failureRateThreshold;
        minimumCalls = minimumCalls == null ? 4 : minimumCalls;
        slidingWindow = slidingWindow == null ? 10 : slidingWindow;
        openFor = openFor == null ? Duration.ofSeconds(60) : openFor;
    }
}
