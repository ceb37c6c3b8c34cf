package dev.kirana.order.einvoice;

import java.time.LocalDateTime;

/**
 * The portal's answer to a registration: the IRN, the acknowledgement number and date ({@code AckDt}, the portal's
 * local time, "yyyy-MM-dd HH:mm:ss" in IST), the signed invoice and the signed QR code (JWTs, RS256) and the status
 * (ACT active, CNL cancelled). {@code duplicate}: the invoice had been registered before, and this is the portal's
 * answer to the repeat (the same IRN and acknowledgement, as NIC's duplicate-IRN answer gives them).
 */
public record IrnResponse(String irn, String ackNo, LocalDateTime ackDt, String signedInvoice, String signedQrCode,
                          String status, boolean duplicate) {
}
