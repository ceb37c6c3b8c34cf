package dev.kirana.auth.user;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * How people name themselves at login: an email address or a mobile number. Numbers are kept in
 * E.164; a bare 10-digit Indian mobile number (optionally with a leading 0 or 91) becomes {@code +91...}.
 */
public final class Usernames {
    private static final Pattern EMAIL = Pattern.compile("^[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{7,14}$");
    private static final Pattern INDIAN_MOBILE = Pattern.compile("^(?:0|91)?([6-9][0-9]{9})$");

    public static boolean isEmail(String username) {
        return username != null && username.contains("@");
    }

    public static Optional<String> email(String raw) {
        if (raw == null) return Optional.empty();
        String e = raw.trim();
        return e.length() <= 254 && EMAIL.matcher(e).matches() ? Optional.of(e.toLowerCase(Locale.ROOT)) : Optional.empty();
    }

    public static Optional<String> phone(String raw) {
        if (raw == null) return Optional.empty();
        String p = raw.replaceAll("[\\s()-]", "");
        var indian = INDIAN_MOBILE.matcher(p);
        if (indian.matches()) {
            return Optional.of("+91" + indian.group(1));
        }
        return E164.matcher(p).matches() ? Optional.of(p) : Optional.empty();
    }

    /** An email or phone number in its stored form, or empty when it is neither. */
    public static Optional<String> normalize(String username) {
        return isEmail(username) ? email(username) : phone(username);
    }

    private Usernames() {
    }
}
