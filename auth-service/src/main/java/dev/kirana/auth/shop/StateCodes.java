package dev.kirana.auth.shop;

import java.util.Map;
import java.util.TreeMap;

/** GST state codes (the first two digits of a GSTIN) and the state or union territory each names. */
public final class StateCodes {
    private static final Map<String, String> NAMES = new TreeMap<>();

    static {
        String[] names = {
                "Jammu and Kashmir", "Himachal Pradesh", "Punjab", "Chandigarh", "Uttarakhand", "Haryana", "Delhi",
                "Rajasthan", "Uttar Pradesh", "Bihar", "Sikkim", "Arunachal Pradesh", "Nagaland", "Manipur", "Mizoram",
                "Tripura", "Meghalaya", "Assam", "West Bengal", "Jharkhand", "Odisha", "Chhattisgarh", "Madhya Pradesh",
                "Gujarat", "Daman and Diu", "Dadra and Nagar Haveli and Daman and Diu", "Maharashtra",
                "Andhra Pradesh (before 2014)", "Karnataka", "Goa", "Lakshadweep", "Kerala", "Tamil Nadu", "Puducherry",
                "Andaman and Nicobar Islands", "Telangana", "Andhra Pradesh", "Ladakh"};
        for (int i = 0; i < names.length; i++) {
            NAMES.put(String.format("%02d", i + 1), names[i]);
        }
        NAMES.put("97", "Other Territory");
    }

    public static boolean isValid(String code) {
        return code != null && NAMES.containsKey(code);
    }

    public static String name(String code) {
        return NAMES.get(code);
    }

    private StateCodes() {
    }
}
