package dev.kirana.catalog.gs1;

/**
 * GS1 identification keys as printed under a retail barcode (GS1 General Specifications, section 7.9, the standard
 * check digit calculation for GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) and GTIN-14). A barcode of only digits in one
 * of those lengths is a GTIN and must carry its check digit; any other code (letters, other lengths) is a shop's own
 * internal code, printed as Code 128.
 */
public final class Gs1 {
    /**
     * The first digits of GTIN-13s a shop may give its own goods: GS1 prefixes 20–29 are for restricted circulation
     * within a company, so they never clash with a manufacturer's code. "200" is used for products the suite numbers.
     */
    public static final String IN_STORE_PREFIX = "200";

    private Gs1() {
    }

    /** Whether the code has the shape of a GTIN: 8, 12, 13 or 14 digits. */
    public static boolean looksLikeGtin(String code) {
        if (code == null) return false;
        int n = code.length();
        return (n == 8 || n == 12 || n == 13 || n == 14) && code.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * The check digit of a GTIN's other digits: weights 3 and 1 alternate from the rightmost digit (3 on it), and the
     * check digit brings the weighted sum up to a multiple of 10.
     */
    public static int checkDigit(String digitsWithoutCheck) {
        int sum = 0;
        int weight = 3;
        for (int i = digitsWithoutCheck.length() - 1; i >= 0; i--) {
            char c = digitsWithoutCheck.charAt(i);
            if (c < '0' || c > '9') throw new IllegalArgumentException("a GTIN has only digits: " + digitsWithoutCheck);
            sum += (c - '0') * weight;
            weight = 4 - weight;
        }
        return (10 - sum % 10) % 10;
    }

    /** Whether a GTIN's last digit is the check digit of the others. */
    public static boolean validGtin(String code) {
        return looksLikeGtin(code) && checkDigit(code.substring(0, code.length() - 1)) == code.charAt(code.length() - 1) - '0';
    }

    /** What is wrong with a barcode a person entered, or null: a GTIN-shaped code with a wrong check digit. */
    public static String violation(String code) {
        if (code == null || !looksLikeGtin(code) || validGtin(code)) return null;
        int expected = checkDigit(code.substring(0, code.length() - 1));
        return "the GS1 check digit of a " + code.length() + "-digit barcode " + code.substring(0, code.length() - 1)
                + "? is " + expected + ", not " + code.charAt(code.length() - 1) + " (a mistyped digit?)";
    }

    /** The in-store GTIN-13 of a shop's n-th numbered product: the prefix, n in nine digits, and the check digit. */
    public static String inStoreGtin13(long n) {
        if (n < 1 || n > 999_999_999L) throw new IllegalArgumentException("in-store numbers run from 1 to 999999999: " + n);
        String body = IN_STORE_PREFIX + String.format("%09d", n);
        return body + checkDigit(body);
    }
}
