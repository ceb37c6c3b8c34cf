package dev.kirana.order.gst;

/** How the shop is registered under GST; only a REGULAR shop collects tax. */
public enum RegistrationType {
    REGULAR, COMPOSITION, UNREGISTERED;

    public DocumentType document() {
        return this == REGULAR ? DocumentType.TAX_INVOICE : DocumentType.BILL_OF_SUPPLY;
    }

    public static RegistrationType parse(String s) {
        if (s == null || s.isBlank()) {
            return REGULAR;
        }
        try {
            return valueOf(s.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return REGULAR;
        }
    }
}
