package dev.kirana.accounting.expense;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/** The expenses of a period, oldest first, with what they add up to (reversed ones and their reversals left out of the totals). */
public record ExpenseList(LocalDate from, LocalDate to, String category, BigDecimal total, BigDecimal netTotal, BigDecimal inputTax,
                          List<Expense> expenses) {
}
