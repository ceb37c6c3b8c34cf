package dev.kirana.order.gst;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A GST identification number: 2-digit state code, 10-character PAN, entity digit, {@code Z} by default, and a
 * check character computed over the first 14 (base 36, alternating factors 1 and 2, as the GSTN publishes it).
 */
public record Gstin(String value) {
    private static final Pattern SHAPE = Pattern.compile("[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z][A-Z0-9][0-9A-Z]");
    private static final String CHARS = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";

    /** @throws IllegalArgumentException saying what is wrong with it */
    public static Gstin parse(String raw) {
        if (raw == null) {
            throw new IllegalArgumentException("a GSTIN is required");
        }
        String v = raw.trim().toUpperCase(Locale.ROOT);
        if (v.length() != 15 || !SHAPE.matcher(v).matches()) {
            throw new IllegalArgumentException("a GSTIN is 15 characters: state code, PAN, entity number, Z and a check character");
        }
        if (!StateCodes.isValid(v.substring(0, 2))) {
            throw new IllegalArgumentException("the GSTIN's state code " + v.substring(0, 2) + " is not a GST state code");
        }
        if (checkCharacter(v.substring(0, 14)) != v.charAt(14)) {
            throw new IllegalArgumentException("the GSTIN's check character is wrong (a typo?)");
        }
        return new Gstin(v);
    }

    static char checkCharacter(String first14) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int code = CHARS.indexOf(first14.charAt(i));
            int product = code * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return CHARS.charAt((36 - sum % 36) % 36);
    }

    public String stateCode() {
        return value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
