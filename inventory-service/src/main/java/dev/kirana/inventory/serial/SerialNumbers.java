package dev.kirana.inventory.serial;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/** The serial numbers a movement of a serial-tracked product names: one per unit, each once, in a sane format. */
public final class SerialNumbers {
    private static final Pattern FORMAT = Pattern.compile("[A-Z0-9][A-Z0-9/-]{0,63}");

    private SerialNumbers() {
    }

    /** Serials as stored: trimmed and upper-case (IMEIs and most serials are case-insensitive). */
    public static List<String> normalize(List<String> serials) {
        return serials == null ? List.of() : serials.stream().map(s -> s == null ? "" : s.trim().toUpperCase(Locale.ROOT)).toList();
    }

    /** Why these serials cannot go with {@code quantity} units of a product, if they cannot. */
    public static Optional<String> problem(boolean serialTracked, BigDecimal quantity, List<String> serials) {
        if (!serialTracked) {
            return serials.isEmpty() ? Optional.empty() : Optional.of("this product is not serial-tracked; send no serials");
        }
        if (quantity.stripTrailingZeros().scale() > 0) {
            return Optional.of("a serial-tracked product moves in whole units");
        }
        if (serials.size() != quantity.intValue()) {
            return Optional.of("send one serial per unit: " + quantity.stripTrailingZeros().toPlainString() + " units, "
                    + serials.size() + " serials");
        }
        Set<String> seen = new HashSet<>();
        for (String s : serials) {
            if (!FORMAT.matcher(s).matches()) {
                return Optional.of("'" + s + "' is not a serial number (letters, digits, - and /, at most 64)");
            }
            if (!seen.add(s)) {
                return Optional.of("serial " + s + " is listed twice");
            }
        }
        return Optional.empty();
    }
}
