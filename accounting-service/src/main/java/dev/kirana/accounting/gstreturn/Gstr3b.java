package dev.kirana.accounting.gstreturn;

import java.math.BigDecimal;
import java.util.List;

/**
 * GSTR-3B of a period, its tables named after the keys of the GST network's GSTR-3B JSON in the API's camel case
 * (table 3.1 {@code sup_details} is {@code supDetails}, 3.2 {@code inter_sup} {@code interSup}, 4 {@code itc_elg}
 * {@code itcElg}), amounts in rupees and paise as decimal strings; and table 6.1, the tax
 * payable per head, rounded to the rupee as the return is paid (section 170 of the CGST Act).
 *
 * @param gstin     the shop's GSTIN (null when not known)
 * @param retPeriod MMYYYY of the period's last month
 */
public record Gstr3b(String gstin, String period, String retPeriod, Supplies supDetails, InterState interSup, Itc itcElg,
                     List<Payable> taxPayable) {

    /** Taxable value and tax by head. */
    public record Amounts(BigDecimal txval, BigDecimal iamt, BigDecimal camt, BigDecimal samt, BigDecimal csamt) {
    }

    /**
     * Table 3.1: (a) outward taxable supplies other than zero-rated, nil-rated and exempt; (b) zero-rated; (c) nil-rated
     * and exempt; (d) inward supplies liable to reverse charge; (e) non-GST outward supplies.
     */
    public record Supplies(Amounts osupDet, Amounts osupZero, Amounts osupNilExmp, Amounts isupRev, Amounts osupNongst) {
    }

    /** Table 3.2: inter-state supplies to unregistered persons by place of supply (composition and UIN holders: none). */
    public record InterState(List<StateSupply> unregDetails, List<StateSupply> compDetails, List<StateSupply> uinDetails) {
    }

    public record StateSupply(String pos, String state, BigDecimal txval, BigDecimal iamt) {
    }

    /**
     * Table 4: input tax credit available (4A: imports of goods {@code IMPG} and services {@code IMPS}, inward supplies
     * liable to reverse charge {@code ISRC}, from an ISD, and all other ITC {@code OTH}: suppliers' bills and expenses
     * with GST, net of the shop's debit notes to suppliers for goods sent back), reversed (4B), net (4C), ineligible (4D).
     */
    public record Itc(List<ItcRow> itcAvl, List<ItcRow> itcRev, Amounts itcNet, List<ItcRow> itcInelg) {
    }

    public record ItcRow(String ty, BigDecimal iamt, BigDecimal camt, BigDecimal samt, BigDecimal csamt) {
    }

    /**
     * Table 6.1, one row per head (IGST, CGST, SGST, CESS): the tax payable, the input credit set off against it from
     * each head (IGST credit first; CGST credit against CGST then IGST; SGST credit against SGST then IGST, never CGST
     * against SGST), what is left to pay in cash, and credit carried forward. Rounded to the rupee.
     */
    public record Payable(String head, BigDecimal taxPayable, BigDecimal paidByIgst, BigDecimal paidByCgst,
                          BigDecimal paidBySgst, BigDecimal paidInCash, BigDecimal creditCarriedForward) {
    }
}
