package dev.kirana.accounting.distribution;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * What makes a customer a retailer, checked: its code (upper case, unique in the shop, as the PRM portal has it), its
 * area and route (free text for the beat plan), and its credit days (0 to 365; 30 when not given).
 */
public record RetailerProfile(String code, String area, String route, int creditDays) {
    public static final int DEFAULT_CREDIT_DAYS = 30;
    static final int TEXT_MAX = 80;
    private static final Pattern CODE = Pattern.compile("[A-Z0-9][A-Z0-9 ._/-]*");
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");

    public record Checked(RetailerProfile profile, Map<String, String> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static String normalizeCode(String code) {
        return code == null ? null : code.trim().toUpperCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public static Checked check(String code, String area, String route, Integer creditDays) {
        Map<String, String> errors = new LinkedHashMap<>();
        String c = normalizeCode(code);
        if (c == null || c.isEmpty()) {
            errors.put("code", "is required");
        } else if (c.length() > PrmRow.CODE_MAX || !CODE.matcher(c).matches()) {
            errors.put("code", "must be up to " + PrmRow.CODE_MAX + " letters, digits, spaces, '.', '_', '/' or '-'");
        }
        String a = text(area, "area", errors);
        String r = text(route, "route", errors);
        int days = creditDays == null ? DEFAULT_CREDIT_DAYS : creditDays;
        if (days < 0 || days > 365) {
            errors.put("creditDays", "must be 0 to 365");
        }
        return errors.isEmpty() ? new Checked(new RetailerProfile(c, a, r, days), Map.of()) : new Checked(null, errors);
    }

    private static String text(String value, String field, Map<String, String> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        if (v.length() > TEXT_MAX) {
            errors.put(field, "must be at most " + TEXT_MAX + " characters");
        } else if (CONTROL.matcher(v).find()) {
            errors.put(field, "must not hold control characters");
        }
        return v;
    }
}
