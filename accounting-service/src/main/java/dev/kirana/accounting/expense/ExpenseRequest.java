package dev.kirana.accounting.expense;

import dev.kirana.accounting.khata.PaymentMode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An expense paid. {@code amount} is what was paid, GST included. {@code gstRate} alone: the input GST is worked out
 * of the amount; with {@code gstAmount} (from the supplier's bill) that is taken. {@code interState}: the supplier
 * charged IGST. {@code bankAccount}: the bank account code it was paid from (BANK, UPI, CARD); when left out
 * the shop's only bank account, or 1050 when it has none or several.
 */
@Schema(example = """
        {"date":"2026-11-30","category":"ELECTRICITY","amount":"1180.00","mode":"BANK","gstRate":"18",
         "supplierName":"BESCOM","reference":"BILL-2611-0042","note":"November bill"}""")
public record ExpenseRequest(LocalDate date, String category, BigDecimal amount, PaymentMode mode, String bankAccount,
                             BigDecimal gstRate, BigDecimal gstAmount, Boolean interState, String supplierName, String reference,
                             String note) {
}
