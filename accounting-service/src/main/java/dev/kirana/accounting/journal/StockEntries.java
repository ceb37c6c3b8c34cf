package dev.kirana.accounting.journal;

import dev.kirana.events.InventoryEvents;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

/**
 * The ledger rules of stock movements that change what the shop's stock is worth (pure functions, no I/O), so that
 * the Inventory account follows inventory-service's valuation:
 * <ul>
 *   <li>Receipt without a supplier bill (opening stock, stock the owner brings in): Dr Inventory, Cr Opening balances
 *   and stock introduced, at quantity × unit cost. A receipt made under a purchase bill posts nothing here: the bill
 *   posts Inventory and input GST against the supplier.</li>
 *   <li>Opening stock entered as an adjustment: the same.</li>
 *   <li>Damage and loss: Dr Damaged stock written off, Cr Inventory.</li>
 *   <li>Corrections and count differences: a shortage Dr Stock count shortage, Cr Inventory; a surplus Dr Inventory,
 *   Cr Stock count surplus.</li>
 *   <li>Transfers between locations change no value: nothing.</li>
 *   <li>Goods returned to a supplier on a purchase bill: nothing; the bill's debit note posts them (Dr Suppliers,
 *   Cr Inventory and input GST).</li>
 *   <li>Customer returns of a named order come back with the order's void or refund, whose cost reversal
 *   ({@link CostOfSales}) restocks them: nothing here. A return naming no order restocks at its cost: Dr Inventory,
 *   Cr Cost of goods sold.</li>
 *   <li>A movement of a kind this service does not know yet, with a value: against Suspense, so that Inventory still
 *   agrees with the valuation and an accountant sees what to reclassify.</li>
 * </ul>
 */
public final class StockEntries {

    /** True when a receipt is posted here; false when a purchase bill posts it. */
    public static boolean postsReceipt(InventoryEvents.StockReceived r) {
        return r.purchaseBillId() == null || r.purchaseBillId().isBlank();
    }

    public static JournalEntry received(String eventId, InventoryEvents.StockReceived r, LocalDate date) {
        JournalEntry.Builder b = JournalEntry.builder(date, "Stock received: " + r.quantity().stripTrailingZeros().toPlainString()
                + " of " + r.productId() + " at " + r.unitCost().stripTrailingZeros().toPlainString(), "stock.received:" + eventId);
        if (!postsReceipt(r)) {
            // hook for purchase bills: the bill that received these goods posts them (Inventory and input GST against the supplier)
            return b.build();
        }
        BigDecimal value = r.quantity().multiply(r.unitCost()).setScale(2, RoundingMode.HALF_UP);
        return b.debit(Account.INVENTORY, value).credit(Account.OPENING_BALANCES, value).build();
    }

    public static JournalEntry adjusted(String eventId, InventoryEvents.StockAdjusted a, LocalDate date) {
        String narration = label(a.movement()) + ": " + a.quantity().stripTrailingZeros().toPlainString() + " of " + a.productId()
                + (a.reason() == null || a.reason().isBlank() ? "" : " (" + a.reason() + ")");
        JournalEntry.Builder b = JournalEntry.builder(date, narration, "stock.adjusted:" + eventId);
        BigDecimal value = a.value() == null ? a.quantity().multiply(a.unitCost()) : a.value();
        value = value.setScale(2, RoundingMode.HALF_UP);
        BigDecimal amount = value.abs();
        boolean in = value.signum() > 0;
        if (amount.signum() == 0) {
            return b.build();
        }
        switch (a.movement()) {
            case "TRANSFER_OUT", "TRANSFER_IN" -> {
                // stock moved between the shop's own locations: its value did not change
            }
            case "OPENING" -> both(b, in, amount, Account.OPENING_BALANCES);
            case "DAMAGE", "LOSS" -> both(b, in, amount, Account.STOCK_WRITE_OFF);
            case "CORRECTION", "COUNT_ADJUSTMENT" -> both(b, in, amount, in ? Account.STOCK_COUNT_SURPLUS : Account.STOCK_COUNT_SHORTAGE);
            case "SUPPLIER_RETURN" -> {
                // goods sent back on a supplier's bill: its debit note credits Inventory at the bill's cost
            }
            case "CUSTOMER_RETURN" -> {
                if (a.reference() == null || !a.reference().startsWith("order:")) {
                    both(b, in, amount, Account.COST_OF_GOODS_SOLD);
                }
            }
            default -> both(b, in, amount, Account.SUSPENSE);
        }
        return b.build();
    }

    /** Inventory up (debit) or down (credit) by {@code amount}, against {@code other}. */
    private static void both(JournalEntry.Builder b, boolean in, BigDecimal amount, Account other) {
        if (in) {
            b.debit(Account.INVENTORY, amount).credit(other, amount);
        } else {
            b.debit(other, amount).credit(Account.INVENTORY, amount);
        }
    }

    private static String label(String movement) {
        return switch (movement) {
            case "OPENING" -> "Opening stock";
            case "DAMAGE" -> "Stock damaged";
            case "LOSS" -> "Stock lost";
            case "CORRECTION" -> "Stock corrected";
            case "COUNT_ADJUSTMENT" -> "Stock count difference";
            case "TRANSFER_OUT" -> "Stock transferred out";
            case "TRANSFER_IN" -> "Stock transferred in";
            case "SUPPLIER_RETURN" -> "Goods returned to the supplier";
            case "CUSTOMER_RETURN" -> "Goods returned by a customer";
            default -> "Stock movement " + movement;
        };
    }

    private StockEntries() {
    }
}
