package dev.kirana.catalog.spreadsheet;

import dev.kirana.catalog.product.Product;
import dev.kirana.catalog.product.ProductRequest;
import dev.kirana.web.problem.Problems.FieldError;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * One spreadsheet row as product values. A blank cell means "not given": a new product takes the
 * default, an existing one keeps its value — so a sheet with only sku and selling_price updates prices.
 * Errors are reported by column header, in the user's words.
 */
public final class ProductRow {
    private static final Pattern GROUPED = Pattern.compile("[0-9]{1,3}(,[0-9]{2,3})+(\\.[0-9]+)?");

    /** The cells of one row that were given, parsed, and what was wrong with the others. */
    public record Parsed(int row, String sku, Map<ProductColumn, Object> values, List<FieldError> errors) {
        public boolean given(ProductColumn c) {
            return values.containsKey(c);
        }

        @SuppressWarnings("unchecked")
        public <T> T get(ProductColumn c) {
            return (T) values.get(c);
        }

        public Optional<String> categoryPath() {
            return Optional.ofNullable(get(ProductColumn.CATEGORY));
        }

        public Boolean active() {
            return get(ProductColumn.ACTIVE);
        }
    }

    private ProductRow() {
    }

    /** @param columns which column each header of the sheet fills (headers not in it are ignored) */
    public static Parsed parse(Sheet.Row row, Map<String, ProductColumn> columns) {
        Map<ProductColumn, Object> values = new EnumMap<>(ProductColumn.class);
        List<FieldError> errors = new ArrayList<>();
        for (var e : columns.entrySet()) {
            String raw = unquote(row.cell(e.getKey()));
            if (raw == null || raw.isBlank()) {
                continue;
            }
            ProductColumn column = e.getValue();
            try {
                values.put(column, switch (column.kind()) {
                    case TEXT -> raw.trim();
                    case CODE -> code(column, raw.trim());
                    case DECIMAL -> decimal(raw);
                    case BOOLEAN -> bool(raw);
                });
            } catch (IllegalArgumentException ex) {
                errors.add(new FieldError(e.getKey(), ex.getMessage()));
            }
        }
        String sku = (String) values.get(ProductColumn.SKU);
        if (sku == null && errors.stream().noneMatch(f -> columns.get(f.field()) == ProductColumn.SKU)) {
            errors.add(new FieldError(header(columns, ProductColumn.SKU), "is required: rows are matched to products by SKU"));
        }
        return new Parsed(row.number(), sku, values, errors);
    }

    /** The full product the row asks for: the given cells over the existing product (or over the defaults for a new one). */
    public static ProductRequest merge(Parsed p, Product existing, UUID categoryId) {
        boolean isNew = existing == null;
        return new ProductRequest(
                p.sku(),
                pick(p, ProductColumn.BARCODE, isNew ? null : existing.barcode()),
                pick(p, ProductColumn.NAME, isNew ? null : existing.name()),
                pick(p, ProductColumn.DESCRIPTION, isNew ? null : existing.description()),
                p.given(ProductColumn.CATEGORY) ? categoryId : isNew ? null : existing.categoryId(),
                pick(p, ProductColumn.HSN, isNew ? null : existing.hsn()),
                p.get(ProductColumn.GST_RATE),
                null,
                pick(p, ProductColumn.SELLING_PRICE, isNew ? null : existing.sellingPrice()),
                pick(p, ProductColumn.MRP, isNew ? null : existing.mrp()),
                pick(p, ProductColumn.COST_PRICE, isNew ? null : existing.costPrice()),
                pick(p, ProductColumn.TAX_INCLUSIVE, isNew ? null : existing.taxInclusive()),
                pick(p, ProductColumn.UNIT, isNew ? null : existing.unit()),
                pick(p, ProductColumn.REORDER_LEVEL, isNew ? null : existing.reorderLevel()),
                pick(p, ProductColumn.PERISHABLE, isNew ? null : existing.perishable()),
                pick(p, ProductColumn.SERIAL_TRACKED, isNew ? null : existing.serialTracked()));
    }

    /** The header under which a field's errors are reported: the sheet's own header when it has the column. */
    public static String header(Map<String, ProductColumn> columns, ProductColumn column) {
        return columns.entrySet().stream().filter(e -> e.getValue() == column).map(Map.Entry::getKey).findFirst()
                .orElse(column.header());
    }

    /** Money and quantities as people type them: "₹1,23,456.50", "Rs. 45", "18%", " 12 ". */
    static BigDecimal decimal(String raw) {
        String s = raw.trim().replace("₹", "").replace("%", "").replaceFirst("(?i)^rs\\.?", "").replace(" ", "").replace("\u00A0", "");
        if (s.contains(",")) {
            if (!GROUPED.matcher(s).matches()) {
                throw new IllegalArgumentException("'" + raw + "' is not a number");
            }
            s = s.replace(",", "");
        }
        try {
            return new BigDecimal(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + raw + "' is not a number");
        }
    }

    static Boolean bool(String raw) {
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "true", "yes", "y", "1" -> true;
            case "false", "no", "n", "0" -> false;
            default -> throw new IllegalArgumentException("'" + raw + "' is not yes/no or true/false");
        };
    }

    /**
     * Codes as text. A spreadsheet that treated an HSN code as a number dropped its leading zero
     * (0401 became 401); HSN codes have an even number of digits, so an odd count gets it back.
     */
    static String code(ProductColumn column, String raw) {
        if (column == ProductColumn.HSN && raw.matches("[0-9]{3}|[0-9]{5}|[0-9]{7}")) {
            return "0" + raw;
        }
        return raw;
    }

    /** A leading apostrophe is how spreadsheets (and our own CSV export) mark "text, not a formula". */
    static String unquote(String raw) {
        if (raw != null && raw.length() > 1 && raw.charAt(0) == '\'' && "=+-@\t\r".indexOf(raw.charAt(1)) >= 0) {
            return raw.substring(1);
        }
        return raw;
    }

    @SuppressWarnings("unchecked")
    private static <T> T pick(Parsed p, ProductColumn c, T existing) {
        return p.given(c) ? (T) p.values().get(c) : existing;
    }
}
