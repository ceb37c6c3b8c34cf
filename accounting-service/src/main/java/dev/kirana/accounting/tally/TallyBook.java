package dev.kirana.accounting.tally;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a Tally export carries: ledger and stock item masters and vouchers, each with its stable GUID. */
public final class TallyBook {

    /**
     * A ledger master: an account of the chart, or a customer or supplier of the shop.
     *
     * @param parent one of Tally's default groups (Sundry Debtors, Duties &amp; Taxes, …)
     * @param gstin  the party's GSTIN, else null
     * @param state  the party's state name as Tally spells it (Maharashtra), else null
     */
    public record Ledger(String guid, String name, String parent, String gstin, String state) {
    }

    /** A stock item master: the product's name, HSN, unit and GST rate as the books last saw them. */
    public record StockItem(String guid, String name, String productId, String hsn, String unit, BigDecimal gstRate) {
    }

    /** One ledger line of a voucher: a debit or a credit (the other zero), in rupees. */
    public record Line(String ledger, BigDecimal debit, BigDecimal credit) {
        public boolean isDebit() {
            return debit.signum() > 0;
        }

        /** Tally's signed AMOUNT: negative for a debit, positive for a credit. */
        public BigDecimal tallyAmount() {
            return isDebit() ? debit.negate() : credit;
        }
    }

    /** A voucher made from one journal entry. */
    public record Voucher(String guid, String type, LocalDate date, String number, String partyLedger, String narration,
                          List<Line> lines) {
    }

    /**
     * The GUID of an object of a shop in Tally: a name-based (version 3) UUID of the shop and the object's key (the
     * journal entry id, {@code ledger:1000}, {@code party:<id>}, {@code stock:<product>}), the same on every export.
     */
    public static String guid(String shopId, String key) {
        return UUID.nameUUIDFromBytes(("kirana/" + shopId + "/" + key).getBytes(StandardCharsets.UTF_8)).toString();
    }

    private TallyBook() {
    }
}
