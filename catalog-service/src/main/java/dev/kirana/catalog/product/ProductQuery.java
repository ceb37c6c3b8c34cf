package dev.kirana.catalog.product;

import java.util.UUID;

/** Search filters: a prefix of name (or of a word in it), SKU or barcode; a category with its subcategories; active or archived. */
public record ProductQuery(String text, UUID categoryId, Boolean active) {
}
