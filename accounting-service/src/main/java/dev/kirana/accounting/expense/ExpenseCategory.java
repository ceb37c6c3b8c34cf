package dev.kirana.accounting.expense;

import java.util.UUID;

/** A kind of expense of a shop (rent, electricity …) and the expense account of its chart it posts to. */
public record ExpenseCategory(UUID id, String code, String name, String accountCode, String accountName, boolean active) {
}
