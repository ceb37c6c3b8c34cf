package dev.kirana.catalog.spreadsheet;

import dev.kirana.catalog.product.Product;
import dev.kirana.catalog.product.ProductQuery;
import dev.kirana.catalog.product.ProductStore;
import dev.kirana.web.problem.Problems;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** The catalog as a CSV or XLSX file, in the columns an import reads: export, edit in Excel, import again. */
@Service
public class ProductExports {
    public static final int MAX_ROWS = 50_000;
    private static final int PAGE = 500;
    private static final Map<String, String> NUMBER_FORMATS = Map.of(
            ProductColumn.GST_RATE.header(), "0.##", ProductColumn.SELLING_PRICE.header(), "0.00",
            ProductColumn.MRP.header(), "0.00", ProductColumn.COST_PRICE.header(), "0.00",
            ProductColumn.REORDER_LEVEL.header(), "0.###");
    private final ProductStore store;

    public ProductExports(ProductStore store) {
        this.store = store;
    }

    public Mono<byte[]> export(String shopId, ProductQuery query, Sheet.Format format) {
        return store.count(shopId, query).flatMap(total -> {
            if (total > MAX_ROWS) {
                return Mono.error(Problems.unprocessable("export-too-large",
                        total + " products match; export at most " + MAX_ROWS + " at once (filter by category or active state)"));
            }
            int pages = (int) ((total + PAGE - 1) / PAGE);
            return Flux.range(0, pages).concatMap(page -> store.search(shopId, query, page, PAGE)).map(ProductExports::row)
                    .collectList()
                    // rendering a workbook is CPU-bound and blocking: keep it off the event loop
                    .publishOn(Schedulers.boundedElastic())
                    .map(rows -> format == Sheet.Format.XLSX
                            ? SheetWriter.xlsx("Products", headers(), rows, NUMBER_FORMATS)
                            : SheetWriter.csv(headers(), rows));
        });
    }

    public static List<String> headers() {
        return Arrays.stream(ProductColumn.values()).map(ProductColumn::header).toList();
    }

    static List<String> row(Product p) {
        return Arrays.stream(ProductColumn.values()).map(c -> switch (c) {
            case SKU -> p.sku();
            case BARCODE -> text(p.barcode());
            case NAME -> p.name();
            case DESCRIPTION -> text(p.description());
            case CATEGORY -> text(p.categoryPath());
            case HSN -> text(p.hsn());
            case GST_RATE -> amount(p.gstRate());
            case SELLING_PRICE -> amount(p.sellingPrice());
            case MRP -> amount(p.mrp());
            case COST_PRICE -> amount(p.costPrice());
            case TAX_INCLUSIVE -> Boolean.toString(p.taxInclusive());
            case UNIT -> p.unit();
            case REORDER_LEVEL -> amount(p.reorderLevel());
            case PERISHABLE -> Boolean.toString(p.perishable());
            case SERIAL_TRACKED -> Boolean.toString(p.serialTracked());
            case ACTIVE -> Boolean.toString(p.active());
        }).toList();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static String amount(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }
}
