package dev.kirana.india;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * GST state codes (the first two digits of a GSTIN, and the place of supply on an invoice) and the state or union
 * territory each names, as the GST network lists them.
 */
public final class StateCodes {
    private static final Map<String, String> NAMES;
    /** Union territories without a legislature charge UTGST instead of SGST (same rate, same half). */
    private static final Set<String> UT_WITHOUT_LEGISLATURE = Set.of("04", "25", "26", "31", "35", "38");

    static {
        String[] names = {"01", "Jammu and Kashmir", "02", "Himachal Pradesh", "03", "Punjab", "04", "Chandigarh",
                "05", "Uttarakhand", "06", "Haryana", "07", "Delhi", "08", "Rajasthan", "09", "Uttar Pradesh",
                "10", "Bihar", "11", "Sikkim", "12", "Arunachal Pradesh", "13", "Nagaland", "14", "Manipur",
                "15", "Mizoram", "16", "Tripura", "17", "Meghalaya", "18", "Assam", "19", "West Bengal",
                "20", "Jharkhand", "21", "Odisha", "22", "Chhattisgarh", "23", "Madhya Pradesh", "24", "Gujarat",
                "25", "Daman and Diu", "26", "Dadra and Nagar Haveli and Daman and Diu", "27", "Maharashtra",
                "28", "Andhra Pradesh (before 2014)", "29", "Karnataka", "30", "Goa", "31", "Lakshadweep", "32", "Kerala",
                "33", "Tamil Nadu", "34", "Puducherry", "35", "Andaman and Nicobar Islands", "36", "Telangana",
                "37", "Andhra Pradesh", "38", "Ladakh", "97", "Other Territory"};
        Map<String, String> m = new TreeMap<>();
        for (int i = 0; i < names.length; i += 2) {
            m.put(names[i], names[i + 1]);
        }
        NAMES = Collections.unmodifiableMap(m);
    }

    public static boolean isValid(String code) {
        return code != null && NAMES.containsKey(code);
    }

    /** The state or union territory of {@code code}, or {@code code} itself when it is not a state code (null for null). */
    public static String name(String code) {
        return code == null ? null : NAMES.getOrDefault(code, code);
    }

    /** "SGST" in a state or a union territory with a legislature, "UTGST" in one without. */
    public static String stateTaxName(String code) {
        return UT_WITHOUT_LEGISLATURE.contains(code) ? "UTGST" : "SGST";
    }

    /** Every code and its name, in code order. */
    public static Map<String, String> all() {
        return NAMES;
    }

    private StateCodes() {
    }
}
