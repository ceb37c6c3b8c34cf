package dev.kirana.order.gst;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** GST state codes (the first two digits of a GSTIN) and what the law says about each. */
public final class StateCodes {
    private static final Map<String, String> NAMES = new TreeMap<>();
    /** Union territories without a legislature charge UTGST instead of SGST (same rate, same half). */
    private static final Set<String> UT_WITHOUT_LEGISLATURE = Set.of("04", "25", "26", "31", "35", "38");

    static {
        String[] names = {"01", "Jammu and Kashmir", "02", "Himachal Pradesh", "03", "Punjab", "04", "Chandigarh",
                "05", "Uttarakhand", "06", "Haryana", "07", "Delhi", "08", "Rajasthan", "09", "Uttar Pradesh",
                "10", "Bihar", "11", "Sikkim", "12", "Arunachal Pradesh", "13", "Nagaland", "14", "Manipur",
                "15", "Mizoram", "16", "Tripura", "17", "Meghalaya", "18", "Assam", "19", "West Bengal",
                "20", "Jharkhand", "21", "Odisha", "22", "Chhattisgarh", "23", "Madhya Pradesh", "24", "Gujarat",
                "25", "Daman and Diu", "26", "Dadra and Nagar Haveli and Daman and Diu", "27", "Maharashtra",
                "28", "Andhra Pradesh (old)", "29", "Karnataka", "30", "Goa", "31", "Lakshadweep", "32", "Kerala",
                "33", "Tamil Nadu", "34", "Puducherry", "35", "Andaman and Nicobar Islands", "36", "Telangana",
                "37", "Andhra Pradesh", "38", "Ladakh", "97", "Other Territory"};
        for (int i = 0; i < names.length; i += 2) {
            NAMES.put(names[i], names[i + 1]);
        }
    }

    public static boolean isValid(String code) {
        return code != null && NAMES.containsKey(code);
    }

    public static String name(String code) {
        return NAMES.getOrDefault(code, code);
    }

    /** "SGST" in a state or a union territory with a legislature, "UTGST" in one without. */
    public static String stateTaxName(String code) {
        return UT_WITHOUT_LEGISLATURE.contains(code) ? "UTGST" : "SGST";
    }

    private StateCodes() {
    }
}
