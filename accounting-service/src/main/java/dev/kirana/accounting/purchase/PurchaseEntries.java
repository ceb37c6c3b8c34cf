package dev.kirana.accounting.purchase;

import dev.kirana.accounting.journal.Account;
import dev.kirana.accounting.journal.JournalEntry;
import java.time.LocalDate;
import java.util.UUID;

/**
 * The ledger rules of purchases (pure functions):
 * <ul>
 *   <li>a supplier's bill: Dr Inventory 1200 (taxable value), Dr Input CGST 1300 + Input SGST 1310 (within the state)
 *   or Input IGST 1320 (across), Cr Suppliers 2000 on the supplier (the bill total). This is the one posting of the
 *   goods' value: the stock.received that follows the bill in inventory-service names the bill and posts nothing;</li>
 *   <li>paid when the bill is recorded: a supplier payment (Dr Suppliers, Cr cash 1000 / bank 1050 / UPI 1020);</li>
 *   <li>a return under a debit note: Dr Suppliers (the note's total), Cr Inventory at the bill's cost, Cr the input
 *   tax the bill took on those goods.</li>
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
                                    PurchaseTax.Amounts a) {
        return JournalEntry.builder(date, "Purchase bill " + billNumber + " from " + supplierName, billSource(billId))
                .debit(Account.INVENTORY, a.taxable())
                .debit(Account.INPUT_CGST, a.cgst())
                .debit(Account.INPUT_SGST, a.sgst())
                .debit(Account.INPUT_IGST, a.igst())
                .credit(Account.SUPPLIERS, a.total(), supplierLabel)
                .build();
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

    private PurchaseEntries() {
    }
}
