package dev.kirana.inventory.stock;

/** Why stock moved. Every ledger row names one. */
public enum Movement {
    OPENING, PURCHASE_RECEIPT, SALE, CUSTOMER_RETURN, DAMAGE, LOSS, CORRECTION, TRANSFER_OUT, TRANSFER_IN, COUNT_ADJUSTMENT,
    /** goods of a purchase bill sent back to the supplier under a debit note */
    SUPPLIER_RETURN
}
