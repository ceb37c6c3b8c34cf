package dev.kirana.accounting.distribution;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The columns of a PRM IMEI workbook this import reads, each found by its header in any case and with the spellings
 * brand portals use. Retailer code, model and IMEI are required; the others are optional (a retailer's name is needed
 * only to add a retailer the books do not know yet).
 */
public enum PrmField {
    RETAILER_CODE("Retailer Code", true, "retailer code", "retailer id", "retailer", "outlet code", "dealer code", "customer code"),
    RETAILER_NAME("Retailer Name", false, "retailer name", "outlet name", "dealer name", "shop name", "customer name"),
    MODEL("Model", true, "model", "model code", "product", "product code", "item code", "sku"),
    PRODUCT_NAME("Model Name", false, "model name", "product name", "item name", "description"),
    IMEI("IMEI/Serial", true, "imei", "imei 1", "imei1", "imei no", "imei number", "serial", "serial no", "serial number", "imei serial"),
    STATUS("Status", false, "status", "imei status", "serial status", "stock status"),
    ACTIVATION_DATE("Activation Date", false, "activation date", "activated on", "activation", "date of activation"),
    PRICE("Price", false, "price", "dealer price", "dp", "rate", "unit price");

    private final String label;
    private final boolean required;
    private final Set<String> headers;

    PrmField(String label, boolean required, String... headers) {
        this.label = label;
        this.required = required;
        this.headers = Set.of(headers);
    }

    public boolean required() {
        return required;
    }

    /** The header the rejections file writes. */
    public String label() {
        return label;
    }

    /** A header cell as compared: lower case, anything but letters and digits a single space. */
    static String key(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
    }

    /**
     * Which column holds each field (the first matching header wins).
     *
     * @throws PrmFileException when a required column is missing
     */
    public static Map<PrmField, Integer> locate(List<String> headerRow) {
        Map<PrmField, Integer> found = new EnumMap<>(PrmField.class);
        for (int i = 0; i < headerRow.size(); i++) {
            String k = key(headerRow.get(i));
            for (PrmField f : values()) {
                if (!found.containsKey(f) && f.headers.contains(k)) {
                    found.put(f, i);
                }
            }
        }
        List<String> missing = new ArrayList<>();
        for (PrmField f : values()) {
            if (f.required && !found.containsKey(f)) {
                missing.add(f.label);
            }
        }
        if (!missing.isEmpty()) {
            throw new PrmFileException("The header row has no " + String.join(", no ", missing) + " column (headers read: "
                    + String.join(", ", headerRow.stream().map(Imei::shown).toList()) + ")");
        }
        return found;
    }
}
