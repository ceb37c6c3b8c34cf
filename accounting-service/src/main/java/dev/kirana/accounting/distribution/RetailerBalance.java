package dev.kirana.accounting.distribution;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A retailer's closing balance at a date (what it owes; negative: an advance), where it was read from, and whether it
 * may be out of date (a Tally balance from a cache when Tally could not be reached).
 */
public record RetailerBalance(LocalDate asAt, BigDecimal balance, Source source, boolean stale) {

    public enum Source {
        /** the shop's books here: the party's lines on Customers (1100) up to the date */
        BOOKS,
        /** the retailer's ledger in the shop's Tally company */
        TALLY
    }
}
