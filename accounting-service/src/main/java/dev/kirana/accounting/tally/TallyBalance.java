package dev.kirana.accounting.tally;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A ledger's closing balance in the shop's Tally, debit positive.
 *
 * @param asOf       the date Tally computed it for
 * @param fetchedAt  when Tally gave it
 * @param stale      Tally could not be asked now (down, slow, a bad answer, the circuit open) and this is the last
 *                   value it gave, older than the cache's time to live
 * @param ageSeconds seconds since {@code fetchedAt}
 * @param source     TALLY (asked just now) or CACHE
 */
public record TallyBalance(String ledger, BigDecimal closingBalance, LocalDate asOf, Instant fetchedAt, boolean stale, long ageSeconds,
                           Source source) {
    public enum Source {
        TALLY, CACHE
    }
}
