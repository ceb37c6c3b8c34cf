package dev.kirana.accounting.itc;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A purchase document as the books hold it: a supplier's bill ({@link DocumentType#INVOICE}, its number as the supplier
 * wrote it) or a return of goods under the shop's debit note ({@link DocumentType#CREDIT_NOTE}: the supplier answers it
 * with a credit note, which is what GSTR-2B shows; the number here is the shop's debit note number).
 *
 * @param supplierGstin the supplier party's GSTIN, null when the party has none (such a bill never appears in GSTR-2B)
 */
public record BookDocument(UUID id, DocumentType type, UUID supplierId, String supplierGstin, String supplierName, String number,
                           LocalDate date, ItcAmounts tax) {

    public String key() {
        return InvoiceNumbers.key(supplierGstin, number);
    }
}
