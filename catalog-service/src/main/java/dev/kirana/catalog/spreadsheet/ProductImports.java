package dev.kirana.catalog.spreadsheet;

import dev.kirana.catalog.category.CategoryPath;
import dev.kirana.catalog.category.CategoryService;
import dev.kirana.catalog.product.Product;
import dev.kirana.catalog.product.ProductService;
import dev.kirana.catalog.product.ProductStore;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.problem.Problems.FieldError;
import jakarta.validation.Validator;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk import of products from CSV or XLSX: every valid row is upserted by SKU, every other row is
 * reported with its reasons (and kept, with its original cells, for download). The whole import is one
 * transaction with its events; re-importing the same file finds every row unchanged and publishes nothing.
 */
@Service
public class ProductImports {
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    private static final TypeReference<List<String>> STRINGS = new TypeReference<>() { };
    private static final TypeReference<LinkedHashMap<String, String>> CELLS = new TypeReference<>() { };
    private static final TypeReference<List<FieldError>> ERRORS = new TypeReference<>() { };
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final ProductService products;
    private final ProductStore store;
    private final CategoryService categories;
    private final Validator validator;
    private final JsonMapper json;

    public ProductImports(DatabaseClient db, TransactionalOperator tx, ProductService products, ProductStore store,
                          CategoryService categories, Validator validator, JsonMapper json) {
        this.db = db;
        this.tx = tx;
        this.products = products;
        this.store = store;
        this.categories = categories;
        this.validator = validator;
        this.json = json;
    }

    private sealed interface RowResult permits Done, Rejected {
    }

    private record Done(ProductService.Kind kind) implements RowResult {
    }

    private record Rejected(Sheet.Row row, String sku, List<FieldError> errors) implements RowResult {
    }

    public Mono<ImportReport> importFile(String shopId, String actor, String fileName, byte[] bytes) {
        String name = fileName == null || fileName.isBlank() ? "upload" : fileName.strip();
        return Mono.fromCallable(() -> SheetReader.read(bytes))
                .subscribeOn(Schedulers.boundedElastic())
                .onErrorMap(SheetException.class, e -> Problems.unprocessable("unreadable-spreadsheet", e.getMessage()))
                .flatMap(sheet -> {
                    Map<String, ProductColumn> columns = new LinkedHashMap<>();
                    List<String> ignored = new ArrayList<>();
                    for (String h : sheet.headers()) {
                        var column = ProductColumn.forHeader(h);
                        if (column.isPresent() && !columns.containsValue(column.get())) {
                            columns.put(h, column.get());
                        } else {
                            ignored.add(h);
                        }
                    }
                    if (!columns.containsValue(ProductColumn.SKU)) {
                        return Mono.error(Problems.unprocessable("unreadable-spreadsheet",
                                "The sheet has no SKU column; its headers are " + sheet.headers()));
                    }
                    UUID importId = UUID.randomUUID();
                    String cause = "import:" + importId;
                    Map<String, Integer> seen = new HashMap<>();
                    Map<String, UUID> categoryIds = new HashMap<>();
                    List<ProductRow.Parsed> parsed = sheet.rows().stream().map(row -> ProductRow.parse(row, columns)).toList();
                    java.util.Set<String> skus = new java.util.TreeSet<>();
                    java.util.Set<String> barcodes = new java.util.HashSet<>();
                    parsed.forEach(p -> {
                        if (p.sku() != null) skus.add(p.sku());
                        if (p.get(ProductColumn.BARCODE) != null) barcodes.add(p.get(ProductColumn.BARCODE));
                    });
                    // the products the sheet names, locked in SKU order, and who holds its barcodes: read once, not per row
                    Mono<ImportState> state = store.lockBySkus(shopId, skus).collectMap(Product::sku, p -> p, HashMap::new)
                            .zipWith(store.barcodeOwners(shopId, barcodes).map(HashMap::new))
                            .map(t -> new ImportState(t.getT1(), t.getT2(), categoryIds, seen));
                    Mono<ImportReport> work = db.sql("""
                                    INSERT INTO product_imports (id, shop_id, file_name, format, sha256, headers, total_rows, imported_by)
                                    VALUES (:id, :shop, :name, :format, :sha, :headers, :rows, :actor)""")
                            .bind("id", importId).bind("shop", shopId).bind("name", name).bind("format", sheet.format().name())
                            .bind("sha", sha256(bytes)).bind("headers", json.writeValueAsString(sheet.headers()))
                            .bind("rows", sheet.rows().size()).bind("actor", actor)
                            .then().then(state)
                            .flatMap(st -> Flux.range(0, parsed.size())
                                    .concatMap(i -> importRow(shopId, actor, cause, sheet.rows().get(i), parsed.get(i), columns, st))
                                    .collectList())
                            .flatMap(results -> record(importId, results))
                            .then(Mono.defer(() -> report(shopId, importId, ignored)));
                    return tx.transactional(work);
                })
                .onErrorMap(DataIntegrityViolationException.class,
                        e -> Problems.conflict("The import clashed with a concurrent change to the same products; nothing was imported, try again"));
    }

    /** What an import knows as it goes: products by SKU, barcode owners, categories by lower-case path, SKUs seen (row numbers). */
    private record ImportState(Map<String, Product> products, Map<String, String> barcodeOwners, Map<String, UUID> categoryIds,
                               Map<String, Integer> seen) {
    }

    private Mono<RowResult> importRow(String shopId, String actor, String cause, Sheet.Row row, ProductRow.Parsed parsed,
                                      Map<String, ProductColumn> columns, ImportState st) {
        if (!parsed.errors().isEmpty()) {
            return Mono.just(new Rejected(row, parsed.sku(), parsed.errors()));
        }
        Integer first = st.seen().putIfAbsent(parsed.sku(), row.number());
        if (first != null) {
            return Mono.just(new Rejected(row, parsed.sku(), List.of(new FieldError(ProductRow.header(columns, ProductColumn.SKU),
                    "SKU " + parsed.sku() + " appears again (first in row " + first + ")"))));
        }
        String categoryHeader = ProductRow.header(columns, ProductColumn.CATEGORY);
        String categoryKey = parsed.categoryPath().map(path -> String.join(CategoryPath.SEPARATOR, CategoryPath.parse(path))
                .toLowerCase(java.util.Locale.ROOT)).orElse(null);
        // a row creating a category takes a savepoint first, so that the category goes if the row is refused; any other
        // refusal comes before the row writes anything (ProductService checks everything first), and an unchanged row
        // costs no statement at all
        boolean[] savepoint = {false};
        Mono<Void> takeSavepoint = Mono.defer(() -> savepoint[0] ? Mono.<Void>empty()
                : db.sql("SAVEPOINT import_row").then().doOnSuccess(v -> savepoint[0] = true));
        Mono<UUID> category = categoryKey == null ? Mono.just(new UUID(0, 0))
                : st.categoryIds().containsKey(categoryKey) ? Mono.just(st.categoryIds().get(categoryKey))
                : takeSavepoint.then(categories.findOrCreatePath(shopId, CategoryPath.parse(parsed.categoryPath().get())).map(c -> c.id()));
        Product before = st.products().get(parsed.sku());
        ProductService.BarcodeOwners owners = (barcode, except) -> {
            String owner = st.barcodeOwners().get(barcode);
            return owner == null || owner.equals(parsed.sku()) ? Mono.empty() : Mono.just(owner);
        };
        Mono<ProductService.Outcome> work = category.flatMap(categoryId -> {
            var request = ProductRow.merge(parsed, before, categoryKey != null ? categoryId : null);
            var violations = validator.validate(request);
            if (!violations.isEmpty()) {
                return Mono.error(Problems.invalid(violations.stream()
                        .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
                        .sorted(java.util.Comparator.comparing(FieldError::field)).toList()));
            }
            return products.upsert(shopId, actor, cause, before, request, parsed.active(), owners, Mono.empty())
                    .doOnNext(outcome -> {
                        if (categoryKey != null) {
                            st.categoryIds().put(categoryKey, categoryId);
                        }
                        if (before != null && before.barcode() != null && !before.barcode().equals(outcome.product().barcode())) {
                            st.barcodeOwners().remove(before.barcode());
                        }
                        if (outcome.product().barcode() != null) {
                            st.barcodeOwners().put(outcome.product().barcode(), outcome.product().sku());
                        }
                        st.products().put(outcome.product().sku(), outcome.product());
                    });
        });
        return work
                .flatMap(outcome -> (savepoint[0] ? db.sql("RELEASE SAVEPOINT import_row").then() : Mono.<Void>empty())
                        .thenReturn((RowResult) new Done(outcome.kind())))
                .onErrorResume(e -> rowProblem(e, columns, categoryHeader) != null,
                        e -> (savepoint[0] ? db.sql("ROLLBACK TO SAVEPOINT import_row").then() : Mono.<Void>empty())
                                .thenReturn(new Rejected(row, parsed.sku(), rowProblem(e, columns, categoryHeader))));
    }

    /**
     * The problems of a refused row, or null when the failure is not the row's fault: then the import fails as a whole
     * (a database conflict with a concurrent change is a 409, and nothing was imported).
     */
    private static List<FieldError> rowProblem(Throwable e, Map<String, ProductColumn> columns, String categoryHeader) {
        if (e instanceof ErrorResponseException ere && ere.getStatusCode().is4xxClientError()) {
            return errorsOf(ere, columns, categoryHeader);
        }
        return null;
    }

    /** A refused row's problems by column: validation errors name product fields, which map back to the sheet's headers. */
    private static List<FieldError> errorsOf(ErrorResponseException e, Map<String, ProductColumn> columns, String categoryHeader) {
        ProblemDetail problem = e.getBody();
        Object errors = problem.getProperties() == null ? null : problem.getProperties().get("errors");
        if (errors instanceof List<?> list && !list.isEmpty()) {
            return list.stream().filter(FieldError.class::isInstance).map(FieldError.class::cast)
                    .map(f -> new FieldError(ProductColumn.forField(f.field()).map(c -> ProductRow.header(columns, c))
                            .orElse(f.field().equals("category") ? categoryHeader : f.field()), f.message()))
                    .toList();
        }
        String detail = problem.getDetail() == null ? "refused" : problem.getDetail();
        String column = detail.startsWith("Barcode") ? ProductRow.header(columns, ProductColumn.BARCODE)
                : detail.toLowerCase(java.util.Locale.ROOT).contains("categor") ? categoryHeader
                : ProductRow.header(columns, ProductColumn.SKU);
        return List.of(new FieldError(column, detail));
    }

    private Mono<Void> record(UUID importId, List<RowResult> results) {
        int created = 0, updated = 0, unchanged = 0;
        List<Rejected> rejected = new ArrayList<>();
        for (RowResult r : results) {
            if (r instanceof Done d) {
                switch (d.kind()) {
                    case CREATED -> created++;
                    case UPDATED -> updated++;
                    case UNCHANGED -> unchanged++;
                }
            } else {
                rejected.add((Rejected) r);
            }
        }
        Mono<Void> counts = db.sql("UPDATE product_imports SET created = :c, updated = :u, unchanged = :n, rejected = :r WHERE id = :id")
                .bind("c", created).bind("u", updated).bind("n", unchanged).bind("r", rejected.size()).bind("id", importId).then();
        return counts.thenMany(Flux.fromIterable(rejected).concatMap(r -> {
            var spec = db.sql("INSERT INTO product_import_rejections (import_id, row_number, sku, errors, cells) VALUES (:id, :row, :sku, :errors, :cells)")
                    .bind("id", importId).bind("row", r.row().number())
                    .bind("errors", json.writeValueAsString(r.errors())).bind("cells", json.writeValueAsString(r.row().cells()));
            spec = r.sku() == null ? spec.bindNull("sku", String.class) : spec.bind("sku", r.sku());
            return spec.then();
        })).then();
    }

    public Mono<ImportReport> report(String shopId, UUID importId, List<String> ignored) {
        return db.sql("""
                        SELECT id, file_name, format, sha256, total_rows, created, updated, unchanged, rejected, imported_by, created_at
                        FROM product_imports WHERE shop_id = :shop AND id = :id""")
                .bind("shop", shopId).bind("id", importId)
                .map(r -> new ImportReport(r.get("id", UUID.class), r.get("file_name", String.class), r.get("format", String.class),
                        r.get("sha256", String.class), r.get("total_rows", Integer.class), r.get("created", Integer.class),
                        r.get("updated", Integer.class), r.get("unchanged", Integer.class), r.get("rejected", Integer.class),
                        ignored, List.of(), "/api/v1/products/imports/" + importId + "/rejections",
                        r.get("imported_by", String.class), r.get("created_at", OffsetDateTime.class).toInstant()))
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No import " + importId + " in this shop")))
                .flatMap(report -> rejections(importId)
                        .map(rs -> new ImportReport.RejectedRow(rs.row(), rs.sku(), rs.errors())).collectList()
                        .map(list -> new ImportReport(report.id(), report.fileName(), report.format(), report.sha256(), report.rows(),
                                report.created(), report.updated(), report.unchanged(), report.rejected(), report.ignoredColumns(),
                                list, report.rejectionsUrl(), report.importedBy(), report.importedAt())));
    }

    /** A rejected row as stored: its number, SKU, problems and original cells. */
    public record StoredRejection(int row, String sku, List<FieldError> errors, Map<String, String> cells) {
    }

    public Flux<StoredRejection> rejections(UUID importId) {
        return db.sql("SELECT row_number, sku, errors, cells FROM product_import_rejections WHERE import_id = :id ORDER BY row_number")
                .bind("id", importId)
                .map(r -> new StoredRejection(r.get("row_number", Integer.class), r.get("sku", String.class),
                        json.readValue(r.get("errors", String.class), ERRORS), json.readValue(r.get("cells", String.class), CELLS)))
                .all();
    }

    /** The rejected rows of an import as a file: the original columns plus "errors", ready to fix and import again. */
    public Mono<byte[]> rejectionsFile(String shopId, UUID importId, Sheet.Format format) {
        return db.sql("SELECT headers FROM product_imports WHERE shop_id = :shop AND id = :id").bind("shop", shopId).bind("id", importId)
                .map(r -> json.readValue(r.get("headers", String.class), STRINGS)).one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No import " + importId + " in this shop")))
                .zipWith(rejections(importId).collectList())
                .publishOn(Schedulers.boundedElastic())
                .map(t -> {
                    List<String> headers = new ArrayList<>(t.getT1());
                    headers.add("errors");
                    List<List<String>> rows = t.getT2().stream().map(r -> {
                        List<String> cells = new ArrayList<>();
                        t.getT1().forEach(h -> cells.add(r.cells().getOrDefault(h, "")));
                        cells.add(String.join("; ", r.errors().stream().map(e -> e.field() + ": " + e.message()).toList()));
                        return cells;
                    }).toList();
                    return format == Sheet.Format.XLSX ? SheetWriter.xlsx("Rejected rows", headers, rows, Map.of())
                            : SheetWriter.csv(headers, rows);
                });
    }

    static String sha256(byte[] bytes) {
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static ErrorResponseException tooLarge() {
        return Problems.of(HttpStatus.CONTENT_TOO_LARGE, "too-large", "File too large",
                "Import files are at most " + (MAX_BYTES / 1024 / 1024) + " MB; split the file");
    }
}
