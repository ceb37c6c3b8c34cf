package dev.kirana.catalog.spreadsheet;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The columns of a product spreadsheet, as exported and as understood on import. Headers are matched
 * loosely ("GST Rate (%)", "gst_rate" and "GST" all mean {@link #GST_RATE}) since distributors' sheets vary.
 */
public enum ProductColumn {
    SKU("sku", "sku", Kind.TEXT, "sku", "skucode", "itemcode", "productcode", "code"),
    BARCODE("barcode", "barcode", Kind.CODE, "barcode", "ean", "ean13", "upc", "gtin"),
    NAME("name", "name", Kind.TEXT, "name", "productname", "itemname", "product", "item"),
    DESCRIPTION("description", "description", Kind.TEXT, "description", "details"),
    CATEGORY("category", "categoryId", Kind.TEXT, "category", "categorypath", "itemgroup", "group"),
    HSN("hsn", "hsn", Kind.CODE, "hsn", "hsncode", "hsnsac", "hsnsaccode", "sac"),
    GST_RATE("gst_rate", "gstRate", Kind.DECIMAL, "gstrate", "gst", "gstpercent", "taxrate", "gstratepercent"),
    SELLING_PRICE("selling_price", "sellingPrice", Kind.DECIMAL, "sellingprice", "saleprice", "salesprice", "price"),
    MRP("mrp", "mrp", Kind.DECIMAL, "mrp", "maximumretailprice"),
    COST_PRICE("cost_price", "costPrice", Kind.DECIMAL, "costprice", "cost", "purchaseprice", "purchaserate"),
    TAX_INCLUSIVE("tax_inclusive", "taxInclusive", Kind.BOOLEAN, "taxinclusive", "inclusiveoftax", "priceincludestax", "inclusive"),
    UNIT("unit", "unit", Kind.TEXT, "unit", "uom", "unitofmeasure"),
    REORDER_LEVEL("reorder_level", "reorderLevel", Kind.DECIMAL, "reorderlevel", "reorderpoint", "minstock", "minimumstock"),
    PERISHABLE("perishable", "perishable", Kind.BOOLEAN, "perishable"),
    SERIAL_TRACKED("serial_tracked", "serialTracked", Kind.BOOLEAN, "serialtracked", "serialised", "serialized", "serialnumbers"),
    ACTIVE("active", "active", Kind.BOOLEAN, "active");

    /** How a cell of the column is read: codes keep leading zeros and never become numbers. */
    public enum Kind { TEXT, CODE, DECIMAL, BOOLEAN }

    private final String header;
    private final String field;
    private final Kind kind;
    private final List<String> aliases;

    ProductColumn(String header, String field, Kind kind, String... aliases) {
        this.header = header;
        this.field = field;
        this.kind = kind;
        this.aliases = List.of(aliases);
    }

    /** The header this column has in exported files. */
    public String header() {
        return header;
    }

    /** The product field (as in the JSON API) the column fills. */
    public String field() {
        return field;
    }

    public Kind kind() {
        return kind;
    }

    /** The column a header names, if any: case, spaces and punctuation do not matter. */
    public static Optional<ProductColumn> forHeader(String header) {
        String key = normalize(header);
        return Arrays.stream(values()).filter(c -> c.aliases.contains(key)).findFirst();
    }

    /** The column that fills a product field, if any (for reporting validation errors by column). */
    public static Optional<ProductColumn> forField(String field) {
        return Arrays.stream(values()).filter(c -> c.field.equals(field)).findFirst();
    }

    static String normalize(String header) {
        return header == null ? "" : header.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
