package dev.kirana.accounting.itc;

/**
 * What a document is, from the buyer's side. A supplier's INVOICE (GSTR-2B b2b) pairs with a purchase bill; a
 * supplier's CREDIT_NOTE (cdnr typ C) pairs with a purchase return, the goods the shop sent back under its own debit
 * note; a supplier's DEBIT_NOTE (cdnr typ D, an extra charge) has nothing in these books to pair with.
 */
public enum DocumentType {
    INVOICE, CREDIT_NOTE, DEBIT_NOTE;

    /** Whether its tax reduces the credit (a credit note) rather than adding to it. */
    public boolean reducesCredit() {
        return this == CREDIT_NOTE;
    }
}
