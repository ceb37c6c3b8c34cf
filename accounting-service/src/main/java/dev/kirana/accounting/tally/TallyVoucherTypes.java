package dev.kirana.accounting.tally;

import java.util.List;

/**
 * Which of Tally's predefined voucher types a journal entry is, by what posted it (its source):
 * <ul>
 *   <li>a sale ({@code order.confirmed}) — Sales;</li>
 *   <li>a refund's credit note ({@code order.refunded}) and a void ({@code order.voided}, the sale taken back in
 *   full) — Credit Note;</li>
 *   <li>a supplier's bill ({@code purchase-bill}) — Purchase; goods sent back under a debit note
 *   ({@code purchase-return}) — Debit Note;</li>
 *   <li>a khata payment ({@code payment}): money from a customer — Receipt, money to a supplier — Payment;</li>
 *   <li>an expense ({@code expense}) — Payment;</li>
 *   <li>cash into or out of a bank, bank to bank ({@code bank-deposit}, {@code bank-withdrawal},
 *   {@code bank-transfer}) — Contra;</li>
 *   <li>everything else (manual entries and reversals, cost of sales, stock movements, opening balances, day
 *   closes, settlements) — Journal.</li>
 * </ul>
 */
public final class TallyVoucherTypes {
    public static final String SALES = "Sales";
    public static final String PURCHASE = "Purchase";
    public static final String RECEIPT = "Receipt";
    public static final String PAYMENT = "Payment";
    public static final String CREDIT_NOTE = "Credit Note";
    public static final String DEBIT_NOTE = "Debit Note";
    public static final String CONTRA = "Contra";
    public static final String JOURNAL = "Journal";

    /** @param debitAccounts the account codes the entry debits (a payment that debits Suppliers 2000 is money paid out) */
    public static String of(String source, List<String> debitAccounts) {
        String kind = source == null || source.indexOf(':') < 0 ? "" : source.substring(0, source.indexOf(':'));
        return switch (kind) {
            case "order.confirmed" -> SALES;
            case "order.refunded", "order.voided" -> CREDIT_NOTE;
            case "purchase-bill" -> PURCHASE;
            case "purchase-return" -> DEBIT_NOTE;
            case "payment" -> debitAccounts.contains("2000") ? PAYMENT : RECEIPT;
            case "expense" -> PAYMENT;
            case "bank-deposit", "bank-withdrawal", "bank-transfer" -> CONTRA;
            default -> JOURNAL;
        };
    }

    private TallyVoucherTypes() {
    }
}
