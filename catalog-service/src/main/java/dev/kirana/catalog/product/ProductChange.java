package dev.kirana.catalog.product;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * What an edit changes on a product: the names of the fields that differ, and whether prices or the
 * archived state moved. Decides which events an edit publishes and whether it is a no-op (a re-import
 * of the same spreadsheet changes nothing).
 */
public record ProductChange(List<String> fields, boolean pricesChanged, boolean archived, boolean unarchived) {

    public boolean isEmpty() {
        return fields.isEmpty();
    }

    /** The values a product will have after an edit (category path and today's rate already resolved). */
    public record Values(String sku, String barcode, String name, String description, UUID categoryId, String hsn,
                         BigDecimal gstRate, BigDecimal sellingPrice, BigDecimal mrp, BigDecimal costPrice,
                         boolean taxInclusive, String unit, BigDecimal reorderLevel, boolean perishable,
                         boolean serialTracked, boolean active) {
    }

    public static ProductChange between(Product before, Values after) {
        List<String> fields = new ArrayList<>();
        same(fields, "sku", before.sku(), after.sku());
        same(fields, "barcode", before.barcode(), after.barcode());
        same(fields, "name", before.name(), after.name());
        same(fields, "description", before.description(), after.description());
        same(fields, "categoryId", before.categoryId(), after.categoryId());
        same(fields, "hsn", before.hsn(), after.hsn());
        sameAmount(fields, "gstRate", before.gstRate(), after.gstRate());
        boolean prices = sameAmount(fields, "sellingPrice", before.sellingPrice(), after.sellingPrice());
        prices |= sameAmount(fields, "mrp", before.mrp(), after.mrp());
        prices |= sameAmount(fields, "costPrice", before.costPrice(), after.costPrice());
        same(fields, "taxInclusive", before.taxInclusive(), after.taxInclusive());
        same(fields, "unit", before.unit(), after.unit());
        sameAmount(fields, "reorderLevel", before.reorderLevel(), after.reorderLevel());
        same(fields, "perishable", before.perishable(), after.perishable());
        same(fields, "serialTracked", before.serialTracked(), after.serialTracked());
        same(fields, "active", before.active(), after.active());
        return new ProductChange(List.copyOf(fields), prices, before.active() && !after.active(), !before.active() && after.active());
    }

    private static void same(List<String> fields, String name, Object before, Object after) {
        if (!Objects.equals(before, after)) {
            fields.add(name);
        }
    }

    /** Amounts compare by value: 245.0 and 245.00 are the same price. @return true when it changed */
    private static boolean sameAmount(List<String> fields, String name, BigDecimal before, BigDecimal after) {
        boolean changed = before == null ? after != null : after == null || before.compareTo(after) != 0;
        if (changed) {
            fields.add(name);
        }
        return changed;
    }
}
