package dev.kirana.order.gst;

/** A registered shop issues a tax invoice; a composition (or unregistered) shop a bill of supply, charging no tax. */
public enum DocumentType {
    TAX_INVOICE("Tax Invoice"), BILL_OF_SUPPLY("Bill of Supply");

    private final String title;

    DocumentType(String title) {
        this.title = title;
    }

    public String title() {
        return title;
    }
}
