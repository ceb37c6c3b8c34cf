package dev.kirana.order.pricing;

/** How a sale is paid: cash (the only tender that gives change), card, UPI, credit to the customer's khata, loyalty points. */
public enum TenderType {
    CASH, CARD, UPI, CREDIT, LOYALTY;

    /** Credit and points belong to a known customer. */
    public boolean needsCustomer() {
        return this == CREDIT || this == LOYALTY;
    }
}
