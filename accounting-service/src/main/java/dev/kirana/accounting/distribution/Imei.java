package dev.kirana.accounting.distribution;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The identity of a serialised unit as a PRM workbook gives it: a 15-digit IMEI, whose last digit is a Luhn check digit
 * over the first 14 (3GPP TS 23.003, section 6.2.1; GSMA IMEI Allocation and Approval Guidelines TS.06), or for goods
 * without an IMEI (tablets without a modem, accessories) the maker's serial number: 6 to 30 letters, digits, '-' or '/'.
 * A value of digits only is taken to be an IMEI and must pass the check.
 */
public final class Imei {
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern SERIAL = Pattern.compile("[A-Z0-9][A-Z0-9/-]{5,29}");

    private Imei() {
    }

    /** Whether 15 digits end in the Luhn check digit of the first 14. */
    public static boolean luhnValid(String digits) {
        if (digits == null || digits.length() != 15 || !DIGITS.matcher(digits).matches()) {
            return false;
        }
        return checkDigit(digits.substring(0, 14)) == digits.charAt(14) - '0';
    }

    /**
     * The Luhn check digit of 14 digits: from the right, every second digit (the rightmost first) is doubled and its
     * digits summed; the check digit brings the total up to a multiple of ten.
     */
    public static int checkDigit(String body) {
        int sum = 0;
        for (int i = body.length() - 1, position = 0; i >= 0; i--, position++) {
            int d = body.charAt(i) - '0';
            if (position % 2 == 0) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /**
     * The value as stored (blanks and spaces dropped, letters in upper case), or why it is not an IMEI or serial
     * number.
     */
    public static Optional<String> problem(String normalized) {
        if (normalized == null || normalized.isEmpty()) {
            return Optional.of("no IMEI or serial number");
        }
        if (DIGITS.matcher(normalized).matches()) {
            if (normalized.length() != 15) {
                return Optional.of("IMEI " + normalized + " has " + normalized.length() + " digits, not 15");
            }
            if (!luhnValid(normalized)) {
                return Optional.of("IMEI " + normalized + " fails its check digit (should end in "
                        + checkDigit(normalized.substring(0, 14)) + ")");
            }
            return Optional.empty();
        }
        if (!SERIAL.matcher(normalized).matches()) {
            return Optional.of("serial number " + shown(normalized) + " is not 6 to 30 letters, digits, '-' or '/'");
        }
        return Optional.empty();
    }

    /** Blanks removed, upper case; null for a blank value. */
    public static String normalize(String raw) {
        if (raw == null) {
            return null;
        }
        String s = raw.replaceAll("\\s+", "").toUpperCase(Locale.ROOT);
        return s.isEmpty() ? null : s;
    }

    static String shown(String s) {
        String printable = s.replaceAll("\\p{Cntrl}", "?");
        return printable.length() > 40 ? printable.substring(0, 40) + "…" : printable;
    }
}
