package dev.kirana.accounting.purchase;

import dev.kirana.accounting.khata.PaymentMode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A supplier's bill as it arrived with the goods. */
@Schema(example = """
        {"supplierId":"5d2c8f0e-1a3b-4c5d-8e9f-0a1b2c3d4e5f","billNumber":"ST/2026/0412","billDate":"2026-04-12",
         "lines":[{"productId":"p-atta-5kg","quantity":"10","unitCost":"40.00","gstRate":"5","batchNo":"AT2604","expiryDate":"2026-10-31"}],
         "paidNow":{"amount":"420.00","mode":"UPI","reference":"UTR 412345678901"},"billTotal":"420.00"}""")
public record PurchaseBillRequest(
        @Schema(description = "a SUPPLIER party of this shop", requiredMode = Schema.RequiredMode.REQUIRED) UUID supplierId,
        @Schema(description = "the supplier's bill number, unique per supplier (case and spaces ignored)",
                requiredMode = Schema.RequiredMode.REQUIRED) String billNumber,
        @Schema(description = "the bill's date; never in the future", requiredMode = Schema.RequiredMode.REQUIRED) LocalDate billDate,
        @Schema(description = "INTRA_STATE or INTER_STATE; needed only when the supplier's or the shop's state is not known "
                + "(otherwise it follows from them and must agree)") SupplyType supplyType,
        @Schema(requiredMode = Schema.RequiredMode.REQUIRED) List<Line> lines,
        @Schema(description = "paid to the supplier when the bill was recorded") PaidNow paidNow,
        String notes,
        @Schema(description = "the total printed on the bill; when given, the lines must add up to it within ₹1 (the supplier's "
                + "rounding to the rupee, posted to Round off 4900)") BigDecimal billTotal) {

    public record Line(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String productId,
            @Schema(description = "more than zero, at most 3 decimals", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal quantity,
            @Schema(description = "rupees per unit before tax, zero or more, at most 4 decimals",
                    requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal unitCost,
            @Schema(description = "GST percent, a rate in force on the bill date: 0, 5, 18 or 40 (and 0.1, 0.25, 1.5, 3) since 22-09-2025; 12 and 28 before (28 for tobacco until 31-01-2026)", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal gstRate,
            String batchNo,
            LocalDate expiryDate,
            @Schema(description = "inventory location the goods go to; the shop's default when absent") UUID locationId) {
    }

    public record PaidNow(
            @Schema(description = "more than zero, at most the bill total", requiredMode = Schema.RequiredMode.REQUIRED) BigDecimal amount,
            @Schema(description = "CASH, BANK or UPI", requiredMode = Schema.RequiredMode.REQUIRED) PaymentMode mode,
            @Schema(description = "UPI transaction reference (required for UPI), cheque or NEFT number") String reference) {
    }
}
