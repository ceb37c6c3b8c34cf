package dev.kirana.accounting.journal;

/** The accounts the suite posts to, by their code in every shop's chart. */
public enum Account {
    CASH("1000", "Cash in hand"),
    INVENTORY("1200", "Inventory"),
    SALES("4000", "Sales"),
    COST_OF_GOODS_SOLD("5000", "Cost of goods sold");

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
