package dev.kirana.accounting.journal;

/** The accounts the suite posts to, by their code in every shop's chart. */
public enum Account {
    CASH("1000", "Cash in hand"),
    CARD_SETTLEMENTS("1010", "Card settlements receivable"),
    UPI_SETTLEMENTS("1020", "UPI settlements receivable"),
    BANK("1050", "Bank accounts"),
    CUSTOMERS("1100", "Customers (khata)"),
    INVENTORY("1200", "Inventory"),
    INPUT_CGST("1300", "Input CGST"),
    INPUT_SGST("1310", "Input SGST/UTGST"),
    INPUT_IGST("1320", "Input IGST"),
    STAFF_ADVANCES("1420", "Advances to staff"),
    SUPPLIERS("2000", "Suppliers (trade payables)"),
    LOYALTY_LIABILITY("2200", "Loyalty points liability"),
    OUTPUT_CGST("2100", "Output CGST"),
    OUTPUT_SGST("2110", "Output SGST/UTGST"),
    OUTPUT_IGST("2120", "Output IGST"),
    OPENING_BALANCES("3100", "Opening balances and stock introduced"),
    SALES("4000", "Sales"),
    SALES_RETURNS("4010", "Sales returns"),
    STOCK_COUNT_SURPLUS("4800", "Stock count surplus"),
    ROUND_OFF("4900", "Round off"),
    COST_OF_GOODS_SOLD("5000", "Cost of goods sold"),
    STOCK_WRITE_OFF("5100", "Damaged stock written off"),
    STOCK_COUNT_SHORTAGE("5150", "Stock count shortage"),
    LOYALTY_REDEMPTIONS("5200", "Loyalty points redeemed"),
    LOYALTY_GRANTED("5210", "Loyalty points granted"),
    WAGES("5320", "Wages and salaries"),
    SUSPENSE("2900", "Suspense");

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
