package dev.kirana.accounting.bank;

import java.math.BigDecimal;
import java.util.UUID;

/** A bank account of the shop: {@code accountCode} is its sub-account of 1050 Bank accounts; {@code balance} what the books say. */
public record BankAccount(UUID id, String accountCode, String name, String bankName, String last4, String ifsc, BigDecimal balance) {
    String label() {
        return name + " (" + bankName + " …" + last4 + ")";
    }
}
