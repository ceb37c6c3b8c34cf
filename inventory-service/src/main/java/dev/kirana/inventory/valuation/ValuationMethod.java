package dev.kirana.inventory.valuation;

/** How a shop values its stock and the cost of what it sells. */
public enum ValuationMethod {
    /** Each receipt blends its cost into one average per product and location; issues go out at that average. */
    MOVING_AVERAGE,
    /** Issues take the cost of the lots they consume, oldest (first-expiring) first; stock is worth what its lots cost. */
    FIFO
}
