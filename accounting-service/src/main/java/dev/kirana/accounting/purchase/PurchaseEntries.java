package dev.kirana.accounting.purchase;

import dev.kirana.accounting.journal.Account;
import dev.kirana.accounting.journal.JournalEntry;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ledger rules of purchases (pure functions):
 * <ul>
 *   <li>a supplier's bill: Dr Inventory 1200 (taxable value), Dr Input CGST 1300 + Input SGST 1310 (within the state)
 *   or Input IGST 1320 (across), the supplier's rounding to Round off 4900, Cr Suppliers 2000 on the supplier (the bill
 *   total). This is the one posting of the
 *   goods' value: the stock.received that follows the bill in inventory-service names the bill and posts nothing;</li>
 *   <li>paid when the bill is recorded: a supplier payment (Dr Suppliers, Cr cash 1000 / bank 1050 / UPI 1020);</li>
 *   <li>a return under a debit note: Dr Suppliers (the note's total), Cr Inventory at the bill's cost, Cr the input
 *   tax the bill took on those goods;</li>
 *   <li>when inventory-service takes those goods out at another value than the bill's (its moving average differs from
 *   the bill's cost, or fewer were still in stock than went back), the difference goes between Inventory and Cost of
 *   goods sold 5000, so that the Inventory account still equals inventory-service's valuation.</li>
 * </ul>
 */
public final class PurchaseEntries {

    public static String billSource(UUID billId) {
        return "purchase-bill:" + billId;
    }

    public static String returnSource(UUID returnId) {
        return "purchase-return:" + returnId;
    }

    public static JournalEntry bill(UUID billId, LocalDate date, String supplierName, String supplierLabel, String billNumber,
                                    PurchaseTax.Amounts a, java.math.BigDecimal roundOff) {
        JournalEntry.Builder b = JournalEntry.builder(date, "Purchase bill " + billNumber + " from " + supplierName, billSource(billId))
                .debit(Account.INVENTORY, a.taxable())
                .debit(Account.INPUT_CGST, a.cgst())
                .debit(Account.INPUT_SGST, a.sgst())
                .debit(Account.INPUT_IGST, a.igst());
        // the supplier rounded the bill up (the shop pays more: a debit to Round off) or down (a credit)
        if (roundOff.signum() > 0) {
            b.debit(Account.ROUND_OFF, roundOff);
        } else if (roundOff.signum() < 0) {
            b.credit(Account.ROUND_OFF, roundOff.negate());
        }
        return b.credit(Account.SUPPLIERS, a.total().add(roundOff), supplierLabel).build();
    }

    public static JournalEntry debitNote(UUID returnId, LocalDate date, String supplierName, String supplierLabel,
                                         String debitNoteNumber, String billNumber, PurchaseTax.Amounts a) {
        return JournalEntry.builder(date, "Debit note " + debitNoteNumber + " to " + supplierName + ": goods returned from bill "
                        + billNumber, returnSource(returnId))
                .debit(Account.SUPPLIERS, a.total(), supplierLabel)
                .credit(Account.INVENTORY, a.taxable())
                .credit(Account.INPUT_CGST, a.cgst())
                .credit(Account.INPUT_SGST, a.sgst())
                .credit(Account.INPUT_IGST, a.igst())
                .build();
    }

    /**
     * @param stockValue what inventory-service took the returned goods out at (positive)
     * @param billValue  what the debit note credited to Inventory for them (the bill's cost)
     */
    public static JournalEntry returnCostDifference(String eventId, LocalDate date, String debitNoteNumber, String productId,
                                                    java.math.BigDecimal stockValue, java.math.BigDecimal billValue) {
        java.math.BigDecimal diff = stockValue.subtract(billValue);
        JournalEntry.Builder b = JournalEntry.builder(date, "Debit note " + debitNoteNumber + ": " + productId
                + " left stock at " + stockValue.toPlainString() + ", billed at " + billValue.toPlainString(), "purchase-return-cost:" + eventId);
        if (diff.signum() > 0) {
            b.debit(Account.COST_OF_GOODS_SOLD, diff).credit(Account.INVENTORY, diff);
        } else if (diff.signum() < 0) {
            b.debit(Account.INVENTORY, diff.negate()).credit(Account.COST_OF_GOODS_SOLD, diff.negate());
        }
        return b.build();
    }

    private PurchaseEntries() {
    }
}
