package dev.kirana.accounting.itc;

import java.util.Locale;

/**
 * The form in which a supplier's document number is compared between the books and GSTR-2B, ignoring the differences
 * the GST portal's matching (the GSTR-2B Matching Offline Tool) ignores when it pairs a purchase register with GSTR-2B:
 * letter case, spaces, the separators {@code -} and {@code /}, and zeros at the start. Exactly: upper-case it, remove
 * every whitespace character, {@code -} and {@code /}, then remove the zeros the result starts with (a number of only
 * zeros keeps one). So {@code "inv/0012"} is {@code INV0012}, {@code "0012"} and {@code "12"} are both {@code 12},
 * {@code "ST-0412"} and {@code "st/0412"} are both {@code ST0412}, while {@code "ST/412"} ({@code ST412}) is another
 * number: zeros after a prefix are kept. Other characters ({@code .} {@code _}) are kept as they are.
 */
public final class InvoiceNumbers {

    public static String normalise(String number) {
        if (number == null) {
            return "";
        }
        String n = number.toUpperCase(Locale.ROOT).replaceAll("[\\s/-]", "");
        int i = 0;
        while (i < n.length() - 1 && n.charAt(i) == '0') {
            i++;
        }
        return n.substring(i);
    }

    /** The matching key: the supplier's GSTIN (upper case) and the normalised number; null GSTIN gives a key nothing matches. */
    public static String key(String supplierGstin, String number) {
        return (supplierGstin == null ? "?" : supplierGstin.trim().toUpperCase(Locale.ROOT)) + "|" + normalise(number);
    }

    private InvoiceNumbers() {
    }
}
