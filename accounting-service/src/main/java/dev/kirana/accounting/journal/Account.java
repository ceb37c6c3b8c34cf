package dev.kirana.accounting.journal;

/** The accounts the suite posts to, by their code in every shop's chart. */
public enum Account {
    CASH("1000", "Cash in hand"),
    CARD_SETTLEMENTS("1010", "Card settlements receivable"),
    UPI_SETTLEMENTS("1020", "UPI settlements receivable"),
    CUSTOMERS("1100", "Customers (khata)"),
    INVENTORY("1200", "Inventory"),
    OUTPUT_CGST("2100", "Output CGST"),
    OUTPUT_SGST("2110", "Output SGST/UTGST"),
    OUTPUT_IGST("2120", "Output IGST"),
    SALES("4000", "Sales"),
    SALES_RETURNS("4010", "Sales returns"),
    ROUND_OFF("4900", "Round off"),
    COST_OF_GOODS_SOLD("5000", "Cost of goods sold"),
    STOCK_WRITE_OFF("5100", "Damaged stock written off"),
    LOYALTY_REDEMPTIONS("5200", "Loyalty points redeemed");

    private final String code;
    private final String title;

    Account(String code, String title) {
        this.code = code;
        this.title = title;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }
}
