package dev.kirana.order.einvoice;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The GST unit quantity codes (UQC) an e-invoice's {@code Unit} takes (the e-invoice "Unit" master, the same list
 * GSTR-1's HSN summary uses), and the one mapping from the units the catalog lets a product be sold in (free letters,
 * upper-cased: PCS, KG, LTR …) to them. A catalog unit that is already a code is kept; a common spelling of one is
 * mapped; anything else is {@code OTH} (others), as the list itself prescribes for a unit it does not name.
 */
public final class UnitQuantityCode {
    /** Every code of the list. */
    public static final Set<String> CODES = Set.of("BAG", "BAL", "BDL", "BKL", "BOU", "BOX", "BTL", "BUN", "CAN", "CBM",
            "CCM", "CMS", "CTN", "DOZ", "DRM", "GGR", "GMS", "GRS", "GYD", "KGS", "KLR", "KME", "LTR", "MLT", "MTR", "MTS",
            "NOS", "OTH", "PAC", "PCS", "PRS", "QTL", "ROL", "SET", "SQF", "SQM", "SQY", "TBS", "TGM", "THD", "TON", "TUB",
            "UGS", "UNT", "YDS");
    public static final String OTHERS = "OTH";

    /** Spellings the catalog takes for units the list names otherwise. */
    private static final Map<String, String> SPELLINGS = Map.ofEntries(
            Map.entry("PC", "PCS"), Map.entry("PIECE", "PCS"), Map.entry("PIECES", "PCS"),
            Map.entry("NO", "NOS"), Map.entry("NUMBER", "NOS"), Map.entry("NUMBERS", "NOS"), Map.entry("EA", "NOS"),
            Map.entry("EACH", "NOS"),
            Map.entry("UNIT", "UNT"), Map.entry("UNITS", "UNT"),
            Map.entry("KG", "KGS"), Map.entry("KGM", "KGS"), Map.entry("KILO", "KGS"), Map.entry("KILOGRAM", "KGS"),
            Map.entry("KILOGRAMS", "KGS"),
            Map.entry("G", "GMS"), Map.entry("GM", "GMS"), Map.entry("GRAM", "GMS"), Map.entry("GRAMS", "GMS"),
            Map.entry("L", "LTR"), Map.entry("LT", "LTR"), Map.entry("LITRE", "LTR"), Map.entry("LITRES", "LTR"),
            Map.entry("LITER", "LTR"), Map.entry("LITERS", "LTR"),
            Map.entry("ML", "MLT"), Map.entry("MILLILITRE", "MLT"),
            Map.entry("M", "MTR"), Map.entry("METRE", "MTR"), Map.entry("METER", "MTR"), Map.entry("METRES", "MTR"),
            Map.entry("CM", "CMS"), Map.entry("KM", "KME"),
            Map.entry("DOZEN", "DOZ"), Map.entry("DZ", "DOZ"),
            Map.entry("PACK", "PAC"), Map.entry("PACKS", "PAC"), Map.entry("PKT", "PAC"), Map.entry("PACKET", "PAC"),
            Map.entry("BOTTLE", "BTL"), Map.entry("BOTTLES", "BTL"),
            Map.entry("BOXES", "BOX"), Map.entry("CARTON", "CTN"), Map.entry("CARTONS", "CTN"),
            Map.entry("PAIR", "PRS"), Map.entry("PAIRS", "PRS"), Map.entry("ROLL", "ROL"), Map.entry("ROLLS", "ROL"),
            Map.entry("TABLET", "TBS"), Map.entry("TABLETS", "TBS"), Map.entry("TUBE", "TUB"), Map.entry("TUBES", "TUB"),
            Map.entry("BAGS", "BAG"), Map.entry("SETS", "SET"), Map.entry("TONNE", "TON"), Map.entry("TONNES", "TON"),
            Map.entry("QUINTAL", "QTL"));

    /** The code of a catalog unit; {@code OTH} for a unit the list does not name (or none). */
    public static String of(String catalogUnit) {
        if (catalogUnit == null || catalogUnit.isBlank()) {
            return OTHERS;
        }
        String unit = catalogUnit.strip().toUpperCase(Locale.ROOT);
        if (CODES.contains(unit)) {
            return unit;
        }
        return SPELLINGS.getOrDefault(unit, OTHERS);
    }

    private UnitQuantityCode() {
    }
}
