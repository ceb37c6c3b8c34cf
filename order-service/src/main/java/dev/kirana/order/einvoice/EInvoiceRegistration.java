package dev.kirana.order.einvoice;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * A sale's registered e-invoice: what the portal answered (IRN, acknowledgement number and date in IST, signed
 * invoice and signed QR code, status) and who registered it when.
 */
public record EInvoiceRegistration(UUID orderId,
                                   @Schema(description = "INV (a tax invoice)", example = "INV") String documentType,
                                   @Schema(example = "INV/2627/00042") String documentNumber,
                                   @Schema(description = "the invoice reference number: 64 hex digits") String irn,
                                   @Schema(example = "112610000000123") String ackNo,
                                   @Schema(description = "when the portal acknowledged it, in IST") OffsetDateTime ackDate,
                                   @Schema(description = "ACT (active) or CNL (cancelled)", example = "ACT") String status,
                                   @Schema(description = "the invoice as the portal signed it (a JWT)") String signedInvoice,
                                   @Schema(description = "the QR code payload the portal signed (a JWT), printed on the invoice as a QR code")
                                   String signedQrCode,
                                   String registeredBy, Instant registeredAt) {
}
