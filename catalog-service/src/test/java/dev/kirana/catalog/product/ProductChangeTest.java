package dev.kirana.catalog.product;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductChangeTest {
    private final Product atta = new Product(UUID.randomUUID(), "s", "ATTA-5", "8901", "Atta 5kg", null, null, null, "1101",
            new BigDecimal("5.00"), new BigDecimal("245.00"), new BigDecimal("260.00"), new BigDecimal("220.00"), true, "PCS",
            new BigDecimal("10.000"), true, false, true, null, 3, Instant.EPOCH, Instant.EPOCH);

    private ProductChange.Values same() {
        return new ProductChange.Values("ATTA-5", "8901", "Atta 5kg", null, null, "1101", new BigDecimal("5"),
                new BigDecimal("245"), new BigDecimal("260.0"), new BigDecimal("220"), true, "PCS", new BigDecimal("10"),
                true, false, true);
    }

    @Test
    void equalAmountsWithOtherScalesAreNoChange() {
        ProductChange change = ProductChange.between(atta, same());
        assertThat(change.isEmpty()).isTrue();
        assertThat(change.pricesChanged()).isFalse();
    }

    @Test
    void aNewSellingPriceIsAPriceChange() {
        var v = same();
        var cheaper = new ProductChange.Values(v.sku(), v.barcode(), v.name(), v.description(), v.categoryId(), v.hsn(), v.gstRate(),
                new BigDecimal("239.00"), v.mrp(), v.costPrice(), v.taxInclusive(), v.unit(), v.reorderLevel(), v.perishable(),
                v.serialTracked(), v.active());
        ProductChange change = ProductChange.between(atta, cheaper);
        assertThat(change.fields()).containsExactly("sellingPrice");
        assertThat(change.pricesChanged()).isTrue();
    }

    @Test
    void archivingAndRenamingAreNotPriceChanges() {
        var v = same();
        var archived = new ProductChange.Values(v.sku(), v.barcode(), "Atta 5 kg", v.description(), v.categoryId(), v.hsn(), v.gstRate(),
                v.sellingPrice(), v.mrp(), v.costPrice(), v.taxInclusive(), v.unit(), v.reorderLevel(), v.perishable(),
                v.serialTracked(), false);
        ProductChange change = ProductChange.between(atta, archived);
        assertThat(change.fields()).containsExactly("name", "active");
        assertThat(change.archived()).isTrue();
        assertThat(change.unarchived()).isFalse();
        assertThat(change.pricesChanged()).isFalse();
    }

    @Test
    void droppingTheMrpIsAPriceChange() {
        var v = same();
        var noMrp = new ProductChange.Values(v.sku(), v.barcode(), v.name(), v.description(), v.categoryId(), v.hsn(), v.gstRate(),
                v.sellingPrice(), null, v.costPrice(), v.taxInclusive(), v.unit(), v.reorderLevel(), v.perishable(),
                v.serialTracked(), v.active());
        assertThat(ProductChange.between(atta, noMrp).pricesChanged()).isTrue();
    }
}
