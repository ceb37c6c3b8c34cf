package dev.kirana.accounting.itc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A GSTR-2B statement as read from the portal's JSON (see {@link Gstr2bFile} for the version followed): the buyer's
 * GSTIN, the return period, and the invoices and credit/debit notes its suppliers reported, each with its rate lines
 * summed into one {@link ItcAmounts}.
 */
public record Gstr2b(String gstin, YearMonth period, LocalDate generatedOn, String version, List<Document> documents) {

    /**
     * One supplier document.
     *
     * @param supplierPeriod the supplier's return period it was reported in (MMYYYY), or null
     * @param supplierFiled  when the supplier filed that return, or null
     * @param supplyType     the portal's typ (invoices) or suptyp (notes): R regular, SEZWP, SEZWOP, DE, CBW; or null
     * @param itcAvailable   Y, N (not available; {@code reason} says why) or T (temporarily not available)
     */
    public record Document(DocumentType type, String supplierGstin, String supplierName, String supplierPeriod, LocalDate supplierFiled,
                           String number, LocalDate date, String supplyType, BigDecimal value, String placeOfSupply,
                           boolean reverseCharge, String itcAvailable, String reason, ItcAmounts tax) {

        public String key() {
            return InvoiceNumbers.key(supplierGstin, number);
        }
    }
}
