package dev.kirana.catalog.spreadsheet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.catalog.product.Product;
import dev.kirana.web.problem.Problems.FieldError;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ProductRowTest {
    private static Map<String, ProductColumn> columns(String... headers) {
        Map<String, ProductColumn> m = new LinkedHashMap<>();
        for (String h : headers) m.put(h, ProductColumn.forHeader(h).orElseThrow());
        return m;
    }

    private static Sheet.Row row(Map<String, String> cells) {
        return new Sheet.Row(7, cells);
    }

    @Test
    void headersAreMatchedLoosely() {
        assertThat(ProductColumn.forHeader("GST Rate (%)")).hasValue(ProductColumn.GST_RATE);
        assertThat(ProductColumn.forHeader("HSN/SAC")).hasValue(ProductColumn.HSN);
        assertThat(ProductColumn.forHeader("Item Code")).hasValue(ProductColumn.SKU);
        assertThat(ProductColumn.forHeader("selling_price")).hasValue(ProductColumn.SELLING_PRICE);
        assertThat(ProductColumn.forHeader("UoM")).hasValue(ProductColumn.UNIT);
        assertThat(ProductColumn.forHeader("Shelf")).isEmpty();
    }

    @Test
    void moneyPercentAndYesNoAsPeopleTypeThem() {
        assertThat(ProductRow.decimal("₹1,23,456.50")).isEqualByComparingTo("123456.50");
        assertThat(ProductRow.decimal("Rs. 45")).isEqualByComparingTo("45");
        assertThat(ProductRow.decimal("18%")).isEqualByComparingTo("18");
        assertThat(ProductRow.decimal(" 1,250 ")).isEqualByComparingTo("1250");
        assertThatThrownBy(() -> ProductRow.decimal("12,5")).hasMessage("'12,5' is not a number");
        assertThatThrownBy(() -> ProductRow.decimal("abc")).hasMessage("'abc' is not a number");
        assertThat(ProductRow.bool("Yes")).isTrue();
        assertThat(ProductRow.bool("n")).isFalse();
        assertThatThrownBy(() -> ProductRow.bool("maybe")).hasMessageContaining("yes/no");
        assertThat(ProductRow.code(ProductColumn.HSN, "401")).isEqualTo("0401");
        assertThat(ProductRow.code(ProductColumn.HSN, "21069020")).isEqualTo("21069020");
        assertThat(ProductRow.code(ProductColumn.BARCODE, "012345")).isEqualTo("012345");
    }

    @Test
    void aRowWithBadCellsListsEachByItsHeader() {
        var cols = columns("Item Code", "Price", "GST %", "Perishable");
        var parsed = ProductRow.parse(row(Map.of("Item Code", "ATTA-5", "Price", "two hundred", "GST %", "5", "Perishable", "sometimes")), cols);
        assertThat(parsed.sku()).isEqualTo("ATTA-5");
        assertThat(parsed.errors()).extracting(FieldError::field).containsExactlyInAnyOrder("Price", "Perishable");
        var noSku = ProductRow.parse(row(Map.of("Item Code", " ", "Price", "10", "GST %", "5", "Perishable", "no")), cols);
        assertThat(noSku.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("Item Code");
            assertThat(e.message()).contains("required");
        });
    }

    @Test
    void blankCellsKeepWhatTheProductHas() {
        UUID category = UUID.randomUUID();
        var existing = new Product(UUID.randomUUID(), "s", "ATTA-5", "8901", "Atta 5kg", "Whole wheat", category, "Groceries",
                "1101", new BigDecimal("5"), new BigDecimal("245.00"), new BigDecimal("260.00"), new BigDecimal("220.00"), true,
                "PCS", new BigDecimal("10"), true, false, true, null, 4, Instant.EPOCH, Instant.EPOCH);
        var cols = columns("sku", "selling_price", "mrp", "name");
        var parsed = ProductRow.parse(row(Map.of("sku", "ATTA-5", "selling_price", "239", "mrp", "", "name", "")), cols);
        var request = ProductRow.merge(parsed, existing, null);
        assertThat(request.sellingPrice()).isEqualByComparingTo("239");
        assertThat(request.mrp()).isEqualByComparingTo("260.00");
        assertThat(request.name()).isEqualTo("Atta 5kg");
        assertThat(request.categoryId()).isEqualTo(category);
        assertThat(request.gstRate()).as("an absent rate keeps the current one").isNull();
        assertThat(request.perishable()).isTrue();

        var fresh = ProductRow.merge(ProductRow.parse(row(Map.of("sku", "NEW-1", "selling_price", "10", "mrp", "", "name", "Salt")), cols), null, null);
        assertThat(fresh.mrp()).isNull();
        assertThat(fresh.perishable()).isNull();
        assertThat(fresh.normalized().unit()).isEqualTo("PCS");
        assertThat(List.of(fresh.normalized().taxInclusive(), fresh.normalized().perishable())).containsExactly(true, false);
    }
}
