package dev.kirana.auth.shop;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GSTIN: 2-digit state code, the holder's 10-character PAN, an entity number (1-9, A-Z), 'Z', and a
 * check character computed with the base-36 Luhn-style scheme the GST network uses.
 */
public final class Gstin {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$");

    /** @return what is wrong with {@code gstin} for a shop registered in {@code stateCode}, or empty when it is valid */
    public static Optional<String> problem(String gstin, String stateCode) {
        if (gstin == null || !FORMAT.matcher(gstin).matches()) {
            return Optional.of("must be 15 characters: state code, PAN, entity number, 'Z' and a check character");
        }
        if (!StateCodes.isValid(gstin.substring(0, 2))) {
            return Optional.of("starts with " + gstin.substring(0, 2) + ", which is not a GST state code");
        }
        if (stateCode != null && !gstin.startsWith(stateCode)) {
            return Optional.of("is registered in state " + gstin.substring(0, 2) + " (" + StateCodes.name(gstin.substring(0, 2))
                    + "), not in the shop's state " + stateCode);
        }
        if (checkCharacter(gstin.substring(0, 14)) != gstin.charAt(14)) {
            return Optional.of("has a wrong check character (a typo?)");
        }
        return Optional.empty();
    }

    /** The check character of the first 14 characters. */
    public static char checkCharacter(String first14) {
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int value = ALPHABET.indexOf(first14.charAt(i));
            int product = value * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return ALPHABET.charAt((36 - sum % 36) % 36);
    }

    private Gstin() {
    }
}
