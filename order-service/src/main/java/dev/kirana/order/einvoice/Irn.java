package dev.kirana.order.einvoice;

import dev.kirana.order.gst.FinancialYear;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;

/**
 * The invoice reference number as the invoice registration portal defines it (NIC e-invoice API, "Generate IRN":
 * the SHA-256 hash of the supplier's GSTIN, the financial year of the document date, the document type and the
 * document number), as 64 lower-case hex digits. The financial year is written as the portal's FY, "2026-27"; the
 * GST financial year runs April to March whatever year the shop's books keep.
 */
public final class Irn {
    /** The string that is hashed: GSTIN + financial year + document type + document number, nothing between. */
    public static String hashed(String sellerGstin, LocalDate documentDate, String documentType, String documentNumber) {
        FinancialYear fy = FinancialYear.of(documentDate, FinancialYear.INDIA_START_MONTH);
        String year = fy.startYear() + "-" + String.format("%02d", (fy.startYear() + 1) % 100);
        return sellerGstin + year + documentType + documentNumber;
    }

    public static String of(String sellerGstin, LocalDate documentDate, String documentType, String documentNumber) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(hashed(sellerGstin, documentDate, documentType, documentNumber).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    private Irn() {
    }
}
