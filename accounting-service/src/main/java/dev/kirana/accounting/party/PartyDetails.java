package dev.kirana.accounting.party;

import dev.kirana.india.Gstin;
import dev.kirana.india.StateCodes;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What a shop knows about a party, checked: a name; a phone normalised to digits (an Indian mobile without +91 or
 * a leading 0 is kept: 080… is a landline as much as a mobile); an optional GSTIN, valid and of the party's state; the state (taken from the GSTIN when not given);
 * a credit limit that is not negative; an opening balance in paise (negative: an advance).
 */
public record PartyDetails(String name, String phone, String gstin, String stateCode, String address,
                           BigDecimal creditLimit, BigDecimal openingBalance, LocalDate openingDate, String notes) {
    static final int NAME_MAX = 120;
    static final int TEXT_MAX = 500;
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("100000000000000");
    private static final Pattern PHONE = Pattern.compile("\\+?[0-9]{6,15}");
    private static final Pattern INDIAN_MOBILE = Pattern.compile("(?:\\+91|0091|91)?([6-9][0-9]{9})");

    /** A phone as stored and matched: separators dropped, an Indian mobile with +91 as its 10 digits; null when blank. */
    public static String normalizePhone(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String p = raw.replaceAll("[\\s().-]", "");
        var m = INDIAN_MOBILE.matcher(p);
        return m.matches() ? m.group(1) : p;
    }

    public static boolean isPhone(String normalized) {
        return normalized != null && PHONE.matcher(normalized).matches();
    }

    /**
     * Normalises and checks raw input.
     *
     * @return the violations by field (empty when valid) and, when valid, the details to store
     */
    public static Checked check(String name, String phone, String gstin, String stateCode, String address,
                                BigDecimal creditLimit, BigDecimal openingBalance, LocalDate openingDate, String notes) {
        Map<String, String> errors = new LinkedHashMap<>();
        String n = blankToNull(name);
        if (n == null) {
            errors.put("name", "is required");
        } else if (n.length() > NAME_MAX) {
            errors.put("name", "must be at most " + NAME_MAX + " characters");
        }
        String p = normalizePhone(phone);
        if (p != null && !isPhone(p)) {
            errors.put("phone", "must be 6 to 15 digits, optionally after a +");
        }
        String state = blankToNull(stateCode);
        if (state != null && !StateCodes.isValid(state)) {
            errors.put("stateCode", state + " is not a GST state code");
        }
        String g = Gstin.normalize(blankToNull(gstin));
        if (g != null) {
            Gstin.problem(g, state != null && StateCodes.isValid(state) ? state : null)
                    .ifPresent(problem -> errors.put("gstin", "the GSTIN " + problem));
            if (state == null && !errors.containsKey("gstin")) {
                state = g.substring(0, 2);
            }
        }
        if (creditLimit != null && creditLimit.signum() < 0) {
            errors.put("creditLimit", "must not be negative");
        } else if (creditLimit != null && creditLimit.stripTrailingZeros().scale() > 2) {
            errors.put("creditLimit", "must be in rupees and paise (at most 2 decimals)");
        }
        if (openingBalance != null && openingBalance.stripTrailingZeros().scale() > 2) {
            errors.put("openingBalance", "must be in rupees and paise (at most 2 decimals)");
        }
        // NUMERIC(16, 2) holds 14 digits of rupees
        if (creditLimit != null && !errors.containsKey("creditLimit") && creditLimit.abs().compareTo(AMOUNT_LIMIT) >= 0) {
            errors.put("creditLimit", "must be below 100000000000000");
        }
        if (openingBalance != null && !errors.containsKey("openingBalance") && openingBalance.abs().compareTo(AMOUNT_LIMIT) >= 0) {
            errors.put("openingBalance", "must be between -100000000000000 and 100000000000000");
        }
        String a = blankToNull(address);
        if (a != null && a.length() > TEXT_MAX) {
            errors.put("address", "must be at most " + TEXT_MAX + " characters");
        }
        String no = blankToNull(notes);
        if (no != null && no.length() > TEXT_MAX) {
            errors.put("notes", "must be at most " + TEXT_MAX + " characters");
        }
        if (!errors.isEmpty()) {
            return new Checked(null, errors);
        }
        return new Checked(new PartyDetails(n, p, g, state, a, paise(creditLimit),
                openingBalance == null ? BigDecimal.ZERO.setScale(2) : paise(openingBalance), openingDate, no), Map.of());
    }

    public record Checked(PartyDetails details, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    private static BigDecimal paise(BigDecimal v) {
        return v == null ? null : v.setScale(2, java.math.RoundingMode.UNNECESSARY);
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
