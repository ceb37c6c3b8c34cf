package dev.kirana.inventory.report;

import dev.kirana.inventory.valuation.ValuationMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * What the stock is worth: quantity × cost per product, totalled by category and overall. Values are
 * rounded to the paisa for the report; unit costs keep 4 decimals.
 */
public record ValuationReport(ValuationMethod method, UUID locationId, Instant asOf, BigDecimal totalQuantity, BigDecimal totalValue,
                              List<CategoryTotal> categories, List<ProductValue> products) {
    public static final String UNCATEGORISED = "Uncategorised";

    public record ProductValue(String productId, String sku, String name, String categoryId, String categoryPath, BigDecimal quantity,
                               BigDecimal unitCost, BigDecimal value) {
    }

    public record CategoryTotal(String categoryId, String categoryPath, int products, BigDecimal quantity, BigDecimal value) {
    }

    /** One product's stock: its quantity over the locations and its exact value (4 decimals). */
    public record Holding(String productId, String sku, String name, String categoryId, String categoryPath, BigDecimal quantity,
                          BigDecimal value) {
    }

    public static ValuationReport of(ValuationMethod method, UUID locationId, Instant asOf, List<Holding> holdings) {
        List<ProductValue> products = holdings.stream()
                .filter(h -> h.quantity().signum() > 0)
                .map(h -> new ProductValue(h.productId(), h.sku(), h.name(), h.categoryId(),
                        h.categoryPath() == null ? UNCATEGORISED : h.categoryPath(), h.quantity(),
                        h.value().divide(h.quantity(), 4, RoundingMode.HALF_UP), h.value().setScale(2, RoundingMode.HALF_UP)))
                .sorted(Comparator.comparing(ProductValue::categoryPath).thenComparing(p -> Objects.toString(p.name(), ""))
                        .thenComparing(ProductValue::productId))
                .toList();
        Map<String, List<ProductValue>> byCategory = new LinkedHashMap<>();
        products.forEach(p -> byCategory.computeIfAbsent(p.categoryPath(), k -> new ArrayList<>()).add(p));
        List<CategoryTotal> categories = byCategory.values().stream().map(ps -> new CategoryTotal(ps.get(0).categoryId(),
                        ps.get(0).categoryPath(), ps.size(), sum(ps.stream().map(ProductValue::quantity).toList()),
                        sum(ps.stream().map(ProductValue::value).toList())))
                .toList();
        return new ValuationReport(method, locationId, asOf, sum(products.stream().map(ProductValue::quantity).toList()),
                sum(categories.stream().map(CategoryTotal::value).toList()).setScale(2, RoundingMode.HALF_UP), categories, products);
    }

    private static BigDecimal sum(List<BigDecimal> values) {
        return values.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
