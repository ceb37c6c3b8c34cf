package dev.kirana.accounting.distribution;

import dev.kirana.accounting.access.BookAccess;
import dev.kirana.export.ExportFormat;
import dev.kirana.web.Uploads;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/distribution")
@Tag(name = "Distribution", description = "PRM IMEI workbook imports, stock at the retailers, activations and the OD report")
public class DistributionController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private final PrmImportService imports;
    private final DistributionReports reports;
    private final RetailerService retailers;
    private final Retailers retailerRows;
    private final Clock clock;

    public DistributionController(PrmImportService imports, DistributionReports reports, RetailerService retailers, Retailers retailerRows,
                                  Clock clock) {
        this.imports = imports;
        this.reports = reports;
        this.retailers = retailers;
        this.retailerRows = retailerRows;
        this.clock = clock;
    }

    @PostMapping(path = "/prm-imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(operationId = "importPrmWorkbook", summary = "Import a PRM IMEI workbook (.xlsx, or the sheet saved as UTF-8 CSV; form field \"file\") (owner or manager)",
            description = "Reads the first sheet (or the CSV); headers in any case: Retailer Code (or Retailer ID, Outlet Code), Retailer Name, Model "
                    + "(or Product, Model Code), Model Name, IMEI (or Serial, IMEI/Serial), Status (In Stock / At Retailer, Activated, "
                    + "Returned), Activation Date (an Excel date or dd-mm-yyyy), Price (or Dealer Price). Retailers and models the "
                    + "books do not know are added (a new retailer needs its name; 30 credit days); each serial's retailer, status, "
                    + "activation date and price are stored. A 15-digit IMEI must pass its Luhn check digit. Rejected rows (no IMEI, a bad "
                    + "check digit, an unknown status, a bad date, an IMEI twice in the file, an unknown retailer without a name) are "
                    + "listed with the reason and downloadable. The same file again (same SHA-256) is logged as UNCHANGED and changes "
                    + "nothing; a row equal to the stored serial is unchanged. At most 5,000 rows and 5 MB.")
    @ApiResponse(responseCode = "201", description = "Imported (or UNCHANGED); Location names the run")
    @ApiResponse(responseCode = "400", description = "Neither an .xlsx workbook nor UTF-8 CSV, no header row, no Retailer Code, Model or IMEI column, over 5,000 rows")
    @ApiResponse(responseCode = "413", description = "Over 5 MB")
    public Mono<ResponseEntity<PrmRun>> importWorkbook(@AuthenticationPrincipal ShopPrincipal me, @RequestPart("file") FilePart file) {
        String shop = BookAccess.write(me);
        return Uploads.readAll(file.content(), PrmWorkbook.MAX_BYTES, () -> Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "prm-workbook-too-large",
                        "Workbook too large", "A PRM workbook is at most 5 MB; export it a month or a region at a time"))
                .flatMap(bytes -> imports.importFile(shop, me.subject(), file.filename(), bytes))
                .map(run -> ResponseEntity.created(URI.create("/api/v1/accounting/distribution/prm-imports/" + run.id())).body(run));
    }

    @GetMapping("/prm-imports")
    @Operation(operationId = "listPrmImports", summary = "The PRM import run log, latest first (owner, manager, auditor)",
            description = "Each run: file name, SHA-256, rows read, created, updated, unchanged and rejected, retailers and models added, "
                    + "duration and who imported it.")
    public Mono<PrmRuns.PrmRunPage> runs(@AuthenticationPrincipal ShopPrincipal me,
                                   @RequestParam(defaultValue = "0") int page,
                                   @RequestParam(defaultValue = "50") int size) {
        String shop = me.requireShop();
        if (page < 0 || page > 100_000) {
            return Mono.error(Problems.invalid("page", "must be 0 to 100000"));
        }
        if (size < 1 || size > 200) {
            return Mono.error(Problems.invalid("size", "must be 1 to 200"));
        }
        return imports.list(shop, page, size);
    }

    @GetMapping("/prm-imports/{id}")
    @Operation(operationId = "getPrmImport", summary = "One PRM import run with its first 100 rejected rows (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such run in this shop")
    public Mono<PrmRun> run(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        String shop = me.requireShop();
        return imports.get(shop, id).flatMap(run -> imports.rejections(shop, id).map(run::withRejections));
    }

    @GetMapping("/prm-imports/{id}/rejections")
    @Operation(operationId = "getPrmImportRejections", summary = "The rejected rows of a run as a file (owner, manager, auditor)",
            description = "Row number, IMEI, reason, then the row's cells as the workbook had them: fix them and import again.")
    @ApiResponse(responseCode = "200", description = "The file", content = {
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "text/csv", schema = @Schema(type = "string"))})
    @ApiResponse(responseCode = "400", description = "format is not xlsx or csv")
    @ApiResponse(responseCode = "404", description = "No such run in this shop")
    public Mono<ResponseEntity<byte[]>> rejections(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                   @Parameter(description = "xlsx (default) or csv") @RequestParam(defaultValue = "xlsx") String format) {
        String shop = me.requireShop();
        ExportFormat f = fileFormat(format);
        return imports.rejectionsFile(shop, id, f).map(bytes -> file(bytes, f, "prm-rejections-" + id));
    }

    @GetMapping("/retailer-stock")
    @Operation(operationId = "getRetailerStock", summary = "Stock at each retailer: serials placed and not activated, their count and value, by model (owner, manager, auditor)",
            description = "A serial is valued at its own price from the workbook, else its model's dealer price. With asAt, the stock at "
                    + "the end of that day: serials first imported by then and not activated by then.")
    @ApiResponse(responseCode = "404", description = "retailer is not a retailer of this shop")
    public Mono<RetailerStock> retailerStock(@AuthenticationPrincipal ShopPrincipal me,
                                             @Parameter(description = "one retailer: its id or its code", example = "RT-PUNE-014")
                                             @RequestParam(required = false) String retailer,
                                             @Parameter(example = "2026-11-30") @RequestParam(required = false)
                                             @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt) {
        String shop = me.requireShop();
        LocalDate at = asAt(asAt);
        return retailerId(shop, retailer).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(id -> reports.stock(shop, at, id.orElse(null)));
    }

    @GetMapping("/activations")
    @Operation(operationId = "getActivations", summary = "Activations over time: units the retailers sold through, per day, week or month (owner, manager, auditor)",
            description = "Every period of the range is listed (none as zero), named by its first day; weeks start on Monday. The value "
                    + "is the serials' price, else their model's dealer price. At most 3 years.")
    public Mono<Activations> activations(@AuthenticationPrincipal ShopPrincipal me,
                                         @Parameter(example = "2026-11-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                         @Parameter(example = "2026-11-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                         @Parameter(description = "day (default), week or month") @RequestParam(defaultValue = "day") String groupBy,
                                         @Parameter(description = "one retailer: its id or its code") @RequestParam(required = false) String retailer) {
        String shop = me.requireShop();
        if (to.isBefore(from)) {
            return Mono.error(Problems.invalid("to", "must not be before from"));
        }
        if (ChronoUnit.DAYS.between(from, to) > 1096) {
            return Mono.error(Problems.invalid("to", "at most three years after from"));
        }
        Activations.GroupBy g = switch (groupBy.trim().toLowerCase(Locale.ROOT)) {
            case "day" -> Activations.GroupBy.DAY;
            case "week" -> Activations.GroupBy.WEEK;
            case "month" -> Activations.GroupBy.MONTH;
            default -> throw Problems.invalid("groupBy", "day, week or month");
        };
        return retailerId(shop, retailer).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(id -> reports.activations(shop, from, to, g, id.orElse(null)));
    }

    @GetMapping("/od-report")
    @Operation(operationId = "getOdReport", summary = "The OD report: per retailer, closing balance against the stock it holds, and the overdue (owner, manager, auditor)",
            description = "OD = closing balance − value of the stock at the retailer (serials placed and not activated at the end of asAt). "
                    + "The stock is the security behind what the retailer owes; what it owes beyond that stock is for goods it has sold "
                    + "through, the distributor's real exposure. Sorted by OD, largest first, with totals. The closing balance is the "
                    + "retailer's balance in the books at the end of asAt (balanceSource BOOKS; TALLY when read from the shop's Tally "
                    + "company, balanceStale when that could not be refreshed). The overdue amount is the part of the balance older than "
                    + "the retailer's credit days, collections set against the oldest amounts first, as in the khata ageing. "
                    + "format=xlsx for a spreadsheet.")
    @ApiResponse(responseCode = "200", description = "The report", content = {
            @Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = OdReport.OdReportView.class)),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Mono<ResponseEntity<Object>> odReport(@AuthenticationPrincipal ShopPrincipal me,
                                                 @Parameter(example = "2026-11-30") @RequestParam(required = false)
                                                 @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                                                 @Parameter(description = "json (default) or xlsx") @RequestParam(required = false) String format) {
        String shop = me.requireShop();
        LocalDate at = asAt(asAt);
        if (format == null || format.isBlank() || format.trim().equalsIgnoreCase("json")) {
            return reports.odReport(shop, at).map(r -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) r));
        }
        if (!format.trim().equalsIgnoreCase("xlsx")) {
            return Mono.error(Problems.invalid("format", "json or xlsx"));
        }
        return reports.odReportFile(shop, at, ExportFormat.XLSX).map(bytes -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(XLSX))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("od-report-" + at + ".xlsx").build().toString())
                .body((Object) bytes));
    }

    private LocalDate asAt(LocalDate asAt) {
        LocalDate today = LocalDate.now(clock);
        if (asAt == null) {
            return today;
        }
        if (asAt.isAfter(today)) {
            throw Problems.invalid("asAt", "must not be after today");
        }
        if (asAt.isBefore(LocalDate.of(2000, 1, 1))) {
            throw Problems.invalid("asAt", "must not be before 2000");
        }
        return asAt;
    }

    /** A retailer named by its id or its code; empty when none is named, 404 when it is not this shop's. */
    private Mono<UUID> retailerId(String shop, String retailer) {
        if (retailer == null || retailer.isBlank()) {
            return Mono.empty();
        }
        UUID id = null;
        try {
            id = UUID.fromString(retailer.trim());
        } catch (IllegalArgumentException e) {
            // a code
        }
        Mono<Retailer> found = id != null ? retailerRows.find(shop, id) : retailerRows.findByCode(shop, RetailerProfile.normalizeCode(retailer));
        return found.map(Retailer::id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No retailer " + Imei.shown(retailer) + " in this shop")));
    }

    private static ExportFormat fileFormat(String format) {
        return switch (format.trim().toLowerCase(Locale.ROOT)) {
            case "xlsx" -> ExportFormat.XLSX;
            case "csv" -> ExportFormat.CSV;
            default -> throw Problems.invalid("format", "xlsx or csv");
        };
    }

    private static ResponseEntity<byte[]> file(byte[] bytes, ExportFormat f, String base) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(base + "." + f.extension()).build().toString())
                .body(bytes);
    }
}
