package dev.kirana.catalog.spreadsheet;

import dev.kirana.catalog.product.ProductQuery;
import dev.kirana.web.Uploads;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.CATALOG_BACK_OFFICE)
@RequestMapping("/api/v1/products")
@Tag(name = "Product spreadsheets")
public class SpreadsheetController {
    public static final MediaType XLSX = MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
    public static final MediaType CSV = MediaType.parseMediaType("text/csv");
    private final ProductImports imports;
    private final ProductExports exports;
    /** The shops' calendar: an export made just after midnight in India is named after the new day. */
    private final java.time.Clock clock;

    public SpreadsheetController(ProductImports imports, ProductExports exports, java.time.Clock clock) {
        this.imports = imports;
        this.exports = exports;
        this.clock = clock;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import products from a CSV or XLSX file (form field \"file\"); upsert by SKU (owner or manager)",
            description = "Valid rows are created or updated; each rejected row is listed with its reasons (and downloadable). "
                    + "Re-importing the same file changes nothing. Columns: " + "sku, barcode, name, description, category "
                    + "(\"Groceries > Staples\"), hsn, gst_rate, selling_price, mrp, cost_price, tax_inclusive, unit, "
                    + "reorder_level, perishable, serial_tracked, active. Blank cells keep the product's current value.")
    public Mono<ResponseEntity<ImportReport>> importMultipart(@AuthenticationPrincipal ShopPrincipal me,
                                                              @RequestPart("file") FilePart file) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return read(file.content()).flatMap(bytes -> imports.importFile(shop, me.subject(), file.filename(), bytes)).map(this::created);
    }

    @PostMapping(path = "/imports", consumes = {"text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import products from a CSV or XLSX file sent as the request body (owner or manager)")
    public Mono<ResponseEntity<ImportReport>> importBody(@AuthenticationPrincipal ShopPrincipal me,
                                                         @Parameter(description = "shown in the import's report")
                                                         @RequestParam(required = false) String fileName,
                                                         @RequestBody Flux<DataBuffer> body) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return read(body).flatMap(bytes -> imports.importFile(shop, me.subject(), fileName, bytes)).map(this::created);
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "The report of an import")
    public Mono<ImportReport> report(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return imports.report(me.requireShop(), id, List.of());
    }

    @GetMapping("/imports/{id}/rejections")
    @Operation(summary = "The rejected rows of an import as a file (original columns plus \"errors\"), to fix and import again")
    public Mono<ResponseEntity<byte[]>> rejections(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                   @RequestParam(defaultValue = "csv") String format) {
        Sheet.Format f = format(format);
        return imports.rejectionsFile(me.requireShop(), id, f).map(bytes -> file(bytes, f, "rejected-rows-" + id));
    }

    @GetMapping("/export")
    @Operation(summary = "The catalog as CSV or XLSX, in the columns an import reads (filters as in search)")
    public Mono<ResponseEntity<byte[]>> export(@AuthenticationPrincipal ShopPrincipal me,
                                               @RequestParam(defaultValue = "csv") String format,
                                               @RequestParam(required = false) String q,
                                               @RequestParam(required = false) UUID categoryId,
                                               @RequestParam(required = false) Boolean active) {
        Sheet.Format f = format(format);
        return exports.export(me.requireShop(), new ProductQuery(q, categoryId, active), f)
                .map(bytes -> file(bytes, f, "products-" + LocalDate.now(clock)));
    }

    private ResponseEntity<ImportReport> created(ImportReport report) {
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/products/imports/" + report.id())).body(report);
    }

    private static Mono<byte[]> read(Flux<DataBuffer> content) {
        return Uploads.readAll(content, ProductImports.MAX_BYTES, () -> ProductImports.tooLarge());
    }

    private static Sheet.Format format(String format) {
        return switch (format.toLowerCase(Locale.ROOT)) {
            case "csv" -> Sheet.Format.CSV;
            case "xlsx" -> Sheet.Format.XLSX;
            default -> throw Problems.invalid("format", "csv or xlsx");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, Sheet.Format format, String baseName) {
        String name = baseName + (format == Sheet.Format.XLSX ? ".xlsx" : ".csv");
        return ResponseEntity.ok()
                .contentType(format == Sheet.Format.XLSX ? XLSX : new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(bytes);
    }
}
