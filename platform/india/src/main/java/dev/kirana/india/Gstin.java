package dev.kirana.india;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A GST identification number: 2-digit state code, the holder's 10-character PAN, an entity number (1-9, A-Z),
 * {@code Z} by default, and a check character over the first 14 (base 36, alternating factors 1 and 2, each product
 * folded as quotient + remainder by 36, as the GST network publishes it).
 */
public record Gstin(String value) {
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ";
    private static final Pattern FORMAT = Pattern.compile("^[0-9]{2}[A-Z]{5}[0-9]{4}[A-Z][1-9A-Z]Z[0-9A-Z]$");

    public Gstin {
        Optional<String> problem = problem(value, null);
        if (problem.isPresent()) {
            throw new IllegalArgumentException("the GSTIN " + problem.get());
        }
    }

    /**
     * Reads a GSTIN as typed (surrounding spaces and lower case are accepted).
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    public static Gstin parse(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new IllegalArgumentException("a GSTIN is required");
        }
        return new Gstin(normalize(raw));
    }

    /** Upper case without surrounding spaces: the form {@link #problem} expects. */
    public static String normalize(String raw) {
        return raw == null ? null : raw.trim().toUpperCase(Locale.ROOT);
    }

    /**
     * @param stateCode the state the holder must be registered in, or null for any
     * @return what is wrong with {@code gstin} (exactly as given), or empty when it is valid
     */
    public static Optional<String> problem(String gstin, String stateCode) {
        if (gstin == null || !FORMAT.matcher(gstin).matches()) {
            return Optional.of("must be 15 characters: state code, PAN, entity number, 'Z' and a check character");
        }
        String state = gstin.substring(0, 2);
        if (!StateCodes.isValid(state)) {
            return Optional.of("starts with " + state + ", which is not a GST state code");
        }
        if (stateCode != null && !state.equals(stateCode)) {
            return Optional.of("is registered in state " + state + " (" + StateCodes.name(state) + "), not in state "
                    + stateCode + (StateCodes.isValid(stateCode) ? " (" + StateCodes.name(stateCode) + ")" : ""));
        }
        if (checkCharacter(gstin.substring(0, 14)) != gstin.charAt(14)) {
            return Optional.of("has a wrong check character (a typo?)");
        }
        return Optional.empty();
    }

    public static boolean isValid(String gstin) {
        return problem(gstin, null).isEmpty();
    }

    /** The check character of the first 14 characters. */
    public static char checkCharacter(String first14) {
        if (first14 == null || first14.length() != 14) {
            throw new IllegalArgumentException("the check character is computed over 14 characters");
        }
        int sum = 0;
        for (int i = 0; i < 14; i++) {
            int value = ALPHABET.indexOf(first14.charAt(i));
            if (value < 0) {
                throw new IllegalArgumentException("not a GSTIN character: " + first14.charAt(i));
            }
            int product = value * (i % 2 == 0 ? 1 : 2);
            sum += product / 36 + product % 36;
        }
        return ALPHABET.charAt((36 - sum % 36) % 36);
    }

    public String stateCode() {
        return value.substring(0, 2);
    }

    /** The holder's PAN (characters 3 to 12). */
    public String pan() {
        return value.substring(2, 12);
    }

    @Override
    public String toString() {
        return value;
    }
}
