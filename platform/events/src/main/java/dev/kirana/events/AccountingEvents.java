package dev.kirana.events;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** Data of the events on {@link Topics#ACCOUNTING}. */
public final class AccountingEvents {

    /**
     * An account was added to a shop's chart ({@code account.created}): one of the standard chart when the shop's
     * books were opened ({@code standard}), or a custom one. {@code type} is ASSET, LIABILITY, EQUITY, INCOME or
     * EXPENSE; {@code group} the Tally-style group it sits under.
     */
    public record AccountCreated(String code, String name, String type, String group, String parentCode, boolean standard,
                                 String createdBy) {
    }

    /** One line of a journal entry: a debit or a credit (the other is zero). */
    public record JournalLine(String account, BigDecimal debit, BigDecimal credit) {
    }

    /**
     * A journal entry made by hand was posted ({@code journal.posted}): a MANUAL entry, or the REVERSAL of one
     * ({@code reversalOf} names it). Debits equal credits; {@code total} is either.
     */
    public record JournalPosted(String entryId, String kind, LocalDate date, String narration, String reference,
                                String reversalOf, List<JournalLine> lines, BigDecimal total, String postedBy) {
    }

    /** A month of the books was locked ({@code period.locked}): nothing posts into {@code from}..{@code to} any more. */
    public record PeriodLocked(String period, LocalDate from, LocalDate to, String lockedBy, Instant lockedAt) {
    }

    /**
     * A customer or supplier was added to a shop ({@code party.created}): entered by hand ({@code origin} API) or
     * named on a sale ({@code origin} SALE). {@code kind} CUSTOMER or SUPPLIER; {@code openingBalance} in the party's
     * sense (what a customer owed, what the shop owed a supplier; negative: an advance).
     */
    public record PartyCreated(String partyId, String kind, String name, String phone, String gstin, String stateCode,
                               String address, BigDecimal creditLimit, BigDecimal openingBalance, LocalDate openingDate,
                               String origin, Instant createdAt) {
    }

    /** A party's details changed ({@code party.updated}); carries the whole new state and its {@code version}. */
    public record PartyUpdated(String partyId, String kind, String name, String phone, String gstin, String stateCode,
                               String address, BigDecimal creditLimit, BigDecimal openingBalance, int version,
                               Instant updatedAt) {
    }

    /**
     * Two records of the same person were merged ({@code party.merged}, keyed by the survivor {@code partyId}): the
     * entries of {@code mergedPartyId} now belong to {@code partyId}; the merged record is kept, marked merged.
     */
    public record PartyMerged(String partyId, String mergedPartyId, String kind, long movedLines, String mergedBy,
                              Instant mergedAt) {
    }

    /**
     * Money received from a customer ({@code payment.received}) by {@code mode} CASH, UPI, CARD or BANK. A reversal
     * of a mistaken entry is a counter-entry: {@code reversalOf} names the payment it undoes and {@code amount} is
     * negative, so the amounts of a party's events always add up to what was really received.
     */
    public record PaymentReceived(String paymentId, String partyId, BigDecimal amount, String mode, String reference,
                                  LocalDate date, String reversalOf, String recordedBy) {
    }

    /** Money paid to a supplier ({@code payment.made}); a reversal as for {@link PaymentReceived}. */
    public record PaymentMade(String paymentId, String partyId, BigDecimal amount, String mode, String reference,
                              LocalDate date, String reversalOf, String recordedBy) {
    }

    /**
     * A party's balance changed ({@code party.balance-changed}, keyed by the party): a credit sale, refund or void, a
     * payment, an opening balance, a merge, or a new credit limit. {@code balance} in the party's sense (what a customer
     * owes; negative: an advance); {@code creditLimit} null when none is set; {@code mergedInto} set when the party
     * was merged (its balance is then zero). The latest event per party is its state: what a replica keeps.
     */
    public record PartyBalanceChanged(String partyId, String kind, BigDecimal balance, BigDecimal creditLimit,
                                      String mergedInto, Instant changedAt) {
    }

    private AccountingEvents() {
    }
}
