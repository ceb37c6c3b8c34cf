package dev.kirana.accounting.khata;

import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** Money received or paid: any part of what is due, all of it, or more (an advance). */
@Schema(example = """
        {"amount":"500.00","mode":"UPI","reference":"UTR 412345678901","date":"2026-04-20","note":"part of April"}""")
public record PaymentRequest(
        @Schema(description = "rupees, more than zero, at most 2 decimals", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
        @Schema(description = "CASH, UPI (with its reference), CARD or BANK", requiredMode = Schema.RequiredMode.REQUIRED) PaymentMode mode,
        @Schema(description = "UPI transaction reference (required for UPI), cheque or NEFT number") String reference,
        @Schema(description = "when the money changed hands; today when absent, never in the future") LocalDate date,
        String note,
        @Schema(description = "by BANK: the bank account (GET /bank-accounts) the money went into or out of; when absent the shop's "
                + "only bank account, or 1050 Bank accounts when it has none or several. Only with mode BANK") UUID bankAccountId) {

    public PaymentRequest(BigDecimal amount, PaymentMode mode, String reference, LocalDate date, String note) {
        this(amount, mode, reference, date, note, null);
    }
}
