package dev.kirana.accounting.distribution;

import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where a serialised unit stands, as the PRM workbook's status column says it in one of its spellings: at the retailer
 * (billed to it, not yet sold to a consumer), activated (sold through: the consumer switched it on), or returned by the
 * retailer to the distributor.
 */
public enum SerialStatus {
    AT_RETAILER, ACTIVATED, RETURNED;

    private static final Map<String, SerialStatus> SPELLINGS = Map.ofEntries(
            Map.entry("at retailer", AT_RETAILER), Map.entry("in stock", AT_RETAILER), Map.entry("stock", AT_RETAILER),
            Map.entry("available", AT_RETAILER), Map.entry("billed", AT_RETAILER), Map.entry("secondary", AT_RETAILER),
            Map.entry("sold to retailer", AT_RETAILER), Map.entry("not activated", AT_RETAILER),
            Map.entry("pending activation", AT_RETAILER),
            Map.entry("activated", ACTIVATED), Map.entry("active", ACTIVATED), Map.entry("activation done", ACTIVATED),
            Map.entry("tertiary", ACTIVATED), Map.entry("sold out", ACTIVATED),
            Map.entry("returned", RETURNED), Map.entry("sales return", RETURNED), Map.entry("return", RETURNED));

    /** The status a cell names (case, spaces, '-' and '_' ignored); empty for anything else. */
    public static Optional<SerialStatus> parse(String raw) {
        if (raw == null) {
            return Optional.empty();
        }
        String key = raw.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", " ").trim();
        for (SerialStatus s : values()) {
            if (s.name().toLowerCase(Locale.ROOT).replace('_', ' ').equals(key)) {
                return Optional.of(s);
            }
        }
        return Optional.ofNullable(SPELLINGS.get(key));
    }
}
