package dev.kirana.accounting.khata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;

/** Money received or paid: any part of what is due, all of it, or more (an advance). */
@Schema(example = """
        {"amount":"500.00","mode":"UPI","reference":"UTR 412345678901","date":"2026-04-20","note":"part of April"}""")
public record PaymentRequest(
        @Schema(description = "rupees, more than zero, at most 2 decimals", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
        @Schema(description = "CASH, UPI (with its reference), CARD or BANK", requiredMode = Schema.RequiredMode.REQUIRED) PaymentMode mode,
        @Schema(description = "UPI transaction reference (required for UPI), cheque or NEFT number") String reference,
        @Schema(description = "when the money changed hands; today when absent, never in the future") LocalDate date,
        String note) {
}
