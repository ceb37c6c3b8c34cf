package dev.kirana.accounting.bank;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Money moved: DEPOSIT (cash to bank), WITHDRAWAL (bank to cash), TRANSFER (bank to bank) or SETTLEMENT (clearing to bank, less fee). */
public record BankMovement(UUID id, String kind, LocalDate date, String fromAccount, String toAccount, BigDecimal amount, BigDecimal fee,
                           BigDecimal net, String provider, String reference, UUID entryId, String recordedBy) {
}
