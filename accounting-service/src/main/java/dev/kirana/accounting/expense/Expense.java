package dev.kirana.accounting.expense;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * An expense as recorded: amount = netAmount + cgst + sgst + igst; {@code paidFrom} the account it was paid from.
 * {@code reversal} is set once it has been undone by a counter-entry.
 */
public record Expense(UUID id, LocalDate date, UUID categoryId, String categoryCode, String categoryName, String account,
                      BigDecimal amount, BigDecimal netAmount, BigDecimal gstRate, BigDecimal cgst, BigDecimal sgst, BigDecimal igst,
                      String mode, String paidFrom, String supplierName, String reference, String note, UUID entryId,
                      String recordedBy, Instant recordedAt, Receipt receipt, Reversal reversal) {

    public record Receipt(String contentType, String fileName, int size) {
    }

    public record Reversal(UUID entryId, LocalDate date, String reason, String reversedBy) {
    }
}
