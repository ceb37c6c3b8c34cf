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
     * An expense was paid ({@code expense.recorded}, keyed by the expense id): {@code amount} left {@code paidFrom}
     * (cash 1000, a bank account, UPI 1020, card 1010) by {@code mode}; {@code netAmount} went to the category's
     * expense {@code account} and the input GST ({@code cgst} + {@code sgst}, or {@code igst}) to the input-tax accounts,
     * so amount = netAmount + cgst + sgst + igst.
     */
    public record ExpenseRecorded(String expenseId, String categoryId, String categoryName, String account, LocalDate date,
                                  BigDecimal amount, BigDecimal netAmount, BigDecimal gstRate, BigDecimal cgst, BigDecimal sgst,
                                  BigDecimal igst, String mode, String paidFrom, String reference, String entryId, String recordedBy) {
    }

    /** An expense recorded by mistake was undone by its counter-entry {@code entryId}, dated {@code date}. */
    public record ExpenseReversed(String expenseId, LocalDate date, BigDecimal amount, String reason, String entryId, String reversedBy) {
    }

    /**
     * A day's cash was counted and the day closed ({@code day.closed}, keyed by the date): {@code variance} =
     * {@code counted} − {@code expected} (the book's cash in hand 1000 at the close), posted to cash short/over 5400 by
     * entry {@code entryId} (null when the drawer matched the book).
     */
    public record DayClosed(LocalDate date, BigDecimal counted, BigDecimal expected, BigDecimal variance, String entryId,
                            String closedBy, Instant closedAt) {
    }

    /**
     * A card or UPI provider paid its collections into a bank account ({@code bank.settled}): {@code gross} left the
     * clearing account (1010 card, 1020 UPI), {@code fee} went to card and UPI fees 5360 and {@code net} = gross − fee
     * reached {@code bankAccount}.
     */
    public record BankSettled(String settlementId, String provider, String clearingAccount, String bankAccountId, String bankAccount,
                              BigDecimal gross, BigDecimal fee, BigDecimal net, LocalDate date, String reference, String entryId,
                              String recordedBy) {
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
     * negative, so the amounts of a party's events always add up to what was really received. {@code account} the chart
     * account the money went through (1000, 1010, 1020, or by BANK a bank account 1051 … or 1050); absent from older events.
     */
    public record PaymentReceived(String paymentId, String partyId, BigDecimal amount, String mode, String reference,
                                  LocalDate date, String reversalOf, String recordedBy, String account) {
        public PaymentReceived(String paymentId, String partyId, BigDecimal amount, String mode, String reference, LocalDate date,
                               String reversalOf, String recordedBy) {
            this(paymentId, partyId, amount, mode, reference, date, reversalOf, recordedBy, null);
        }
    }

    /** Money paid to a supplier ({@code payment.made}); a reversal as for {@link PaymentReceived}. */
    public record PaymentMade(String paymentId, String partyId, BigDecimal amount, String mode, String reference,
                              LocalDate date, String reversalOf, String recordedBy, String account) {
        public PaymentMade(String paymentId, String partyId, BigDecimal amount, String mode, String reference, LocalDate date,
                           String reversalOf, String recordedBy) {
            this(paymentId, partyId, amount, mode, reference, date, reversalOf, recordedBy, null);
        }
    }

    /**
     * A party's balance changed ({@code party.balance-changed}, keyed by the party): a credit sale, refund or void, a
     * payment, an opening balance, a merge, or a new credit limit. {@code balance} in the party's sense (what a customer
     * owes; negative: an advance); {@code creditLimit} null when none is set; {@code mergedInto} set when the party
     * was merged (its balance is then zero); {@code phone} and {@code gstin} the party's, when it has them. The latest
     * event per party is its state: what a replica keeps.
     */
    public record PartyBalanceChanged(String partyId, String kind, BigDecimal balance, BigDecimal creditLimit,
                                      String mergedInto, Instant changedAt, String phone, String gstin) {
        /** Without the party's phone and GSTIN (additive in v1: a consumer learns them from party.created/updated). */
        public PartyBalanceChanged(String partyId, String kind, BigDecimal balance, BigDecimal creditLimit,
                                   String mergedInto, Instant changedAt) {
            this(partyId, kind, balance, creditLimit, mergedInto, changedAt, null, null);
        }
    }

    /**
     * One line of a supplier's bill: {@code quantity} of {@code productId} at {@code unitCost} (before tax), its
     * {@code taxableValue} (quantity x unitCost to the paisa) and the input tax on it. {@code locationId} null: the
     * shop's default location.
     */
    public record PurchaseLine(int lineNo, String productId, BigDecimal quantity, BigDecimal unitCost, BigDecimal gstRate,
                               BigDecimal taxableValue, BigDecimal cgst, BigDecimal sgst, BigDecimal igst, String batchNo,
                               LocalDate expiryDate, String locationId) {
    }

    /** Paid to the supplier when the bill was recorded ({@code mode} CASH, BANK or UPI). */
    public record PaidNow(BigDecimal amount, String mode, String reference, String paymentId) {
    }

    /**
     * A supplier's bill was recorded ({@code purchase.billed}, keyed by the bill id): inventory-service receives its
     * lines into stock at their unit cost. {@code supplyType} INTRA_STATE (input CGST + SGST) or INTER_STATE (input IGST);
     * {@code total} = taxableValue + cgst + sgst + igst + roundOff (the supplier's rounding to the rupee, may be negative),
     * what the shop owes the supplier for it.
     */
    public record PurchaseBilled(String billId, String supplierId, String supplierName, String supplierGstin, String billNumber,
                                 LocalDate billDate, String supplyType, List<PurchaseLine> lines, BigDecimal taxableValue,
                                 BigDecimal cgst, BigDecimal sgst, BigDecimal igst, BigDecimal roundOff, BigDecimal total, PaidNow paidNow,
                                 String recordedBy) {
    }

    /**
     * Goods of a bill went back to the supplier ({@code purchase.returned}, keyed by the bill id) under debit note
     * {@code debitNoteNumber}: inventory-service takes them out of stock. Each line names the bill line it returns
     * (same product, unit cost, batch and location) and the value and input tax reversed on it.
     */
    public record PurchaseReturned(String returnId, String billId, String debitNoteNumber, String supplierId, String billNumber,
                                   LocalDate date, List<PurchaseLine> lines, BigDecimal taxableValue, BigDecimal cgst,
                                   BigDecimal sgst, BigDecimal igst, BigDecimal total, String reason, String recordedBy) {
    }

    /**
     * A payment reminder was texted to a customer ({@code khata.reminder-sent}, keyed by the party): {@code amountDue}
     * is what the customer owed when it was sent, {@code phone} where it went. At most one per party per reminder interval.
     */
    public record ReminderSent(String reminderId, String partyId, BigDecimal amountDue, String phone, String sentBy,
                               Instant sentAt) {
    }

    private AccountingEvents() {
    }
}
