package dev.kirana.accounting.itc;

import dev.kirana.accounting.access.BookAccess;
import dev.kirana.export.ExportFormat;
import dev.kirana.export.Exporter;
import dev.kirana.web.PlainDecimal;
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
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.regex.Pattern;
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
import reactor.core.scheduler.Schedulers;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/gst/2b")
@Tag(name = "GSTR-2B", description = "The suppliers' side of purchases: GSTR-2B statements imported from the GST portal and matched with the purchase bills and returns")
public class Gstr2bController {
    private static final Pattern PERIOD = Pattern.compile("^[0-9]{4}-(0[1-9]|1[0-2])$");
    private static final BigDecimal MAX_TOLERANCE = new BigDecimal("1000");
    private static final String IMPORT = "The GSTR-2B JSON as downloaded from the GST portal (Returns > GSTR-2B > Download JSON), or the object "
            + "inside its \"data\"; documents read: b2b invoices and cdnr credit/debit notes. Stored for the shop and the statement's period "
            + "(rtnprd): another file of the same period replaces the earlier one (outcome REPLACED), the same file again changes nothing "
            + "(UNCHANGED, 200). A file that does not follow the format is a 400 naming each wrong place; a statement of another GSTIN than "
            + "the shop's a 422. Nothing is stored either way.";
    private final Gstr2bService statements;

    public Gstr2bController(Gstr2bService statements) {
        this.statements = statements;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a GSTR-2B JSON file (form field \"file\"; owner or manager)", description = IMPORT)
    @ApiResponse(responseCode = "201", description = "Stored for a period that had none")
    @ApiResponse(responseCode = "200", description = "Replaced the period's earlier statement, or the same file again (nothing changed)")
    @ApiResponse(responseCode = "400", description = "Not JSON, or not a GSTR-2B: each wrong place named in errors (a JSON path)")
    @ApiResponse(responseCode = "413", description = "Over 5 MB")
    @ApiResponse(responseCode = "422", description = "A statement of another GSTIN than the shop's, or the shop's GSTIN is not known")
    public Mono<ResponseEntity<Gstr2bService.ImportResult>> importGstr2bFile(@AuthenticationPrincipal ShopPrincipal me,
                                                                             @RequestPart("file") FilePart file) {
        String shop = BookAccess.write(me);
        return read(file.content()).flatMap(bytes -> statements.importStatement(shop, me.subject(), bytes)).map(Gstr2bController::answer);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Import a GSTR-2B sent as the JSON request body (owner or manager)", description = IMPORT)
    @ApiResponse(responseCode = "201", description = "Stored for a period that had none")
    public Mono<ResponseEntity<Gstr2bService.ImportResult>> importGstr2bBody(@AuthenticationPrincipal ShopPrincipal me,
                                                                             @RequestBody Flux<DataBuffer> body) {
        String shop = BookAccess.write(me);
        return read(body).flatMap(bytes -> statements.importStatement(shop, me.subject(), bytes)).map(Gstr2bController::answer);
    }

    @GetMapping
    @Operation(summary = "The GSTR-2B statements imported, newest period first (owner, manager, auditor)")
    public Mono<List<Gstr2bService.ImportView>> listGstr2bImports(@AuthenticationPrincipal ShopPrincipal me) {
        return statements.list(me.requireShop());
    }

    @GetMapping("/{period}/reconciliation")
    @Operation(summary = "A period's GSTR-2B matched with the purchase bills and returns (owner, manager, auditor)",
            description = "Pairs by supplier GSTIN and document number, the number compared without case, spaces, '-', '/' and leading "
                    + "zeros; then the date must agree and the taxable value and IGST, CGST, SGST and cess each within the tolerance: "
                    + "MATCHED, or MISMATCHED listing each field with both values. Left over: PROBABLE when the number differs but GSTIN, "
                    + "date and amounts agree; IN_BOOKS_ONLY (ITC the supplier has not reported); IN_2B_ONLY. Invoices pair with bills, "
                    + "the supplier's credit notes with purchase returns. Books: documents dated in the period, and earlier ones the "
                    + "statement names. itc: credit per head available in 2B, on reverse charge, not available, in the books, and books "
                    + "less available. format=xlsx downloads it.")
    @ApiResponse(responseCode = "400", description = "A period not YYYY-MM, a tolerance not 0 to 1000 rupees, a format not json or xlsx")
    @ApiResponse(responseCode = "404", description = "No GSTR-2B imported for the period in this shop")
    @ApiResponse(responseCode = "200", description = "The reconciliation, or the XLSX file",
            content = {@Content(mediaType = MediaType.APPLICATION_JSON_VALUE, schema = @Schema(implementation = Gstr2bReconciliation.class)),
                    @Content(mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                            schema = @Schema(type = "string", format = "binary"))})
    public Mono<ResponseEntity<Object>> gstr2bReconciliation(@AuthenticationPrincipal ShopPrincipal me,
                                                       @Parameter(example = "2026-11") @PathVariable String period,
                                                       @Parameter(description = "rupees each amount may differ by and still agree (default 1.00)", example = "1.00")
                                                       @RequestParam(required = false) String tolerance,
                                                       @Parameter(description = "json (default) or xlsx") @RequestParam(required = false) String format) {
        String shop = me.requireShop();
        if (period == null || !PERIOD.matcher(period).matches()) {
            return Mono.error(Problems.invalid("period", "a month as YYYY-MM, such as 2026-11"));
        }
        BigDecimal t;
        try {
            t = tolerance == null || tolerance.isBlank() ? ItcMatcher.DEFAULT_TOLERANCE : PlainDecimal.parse(tolerance);
        } catch (IllegalArgumentException e) {
            return Mono.error(Problems.invalid("tolerance", e.getMessage()));
        }
        if (t.signum() < 0 || t.compareTo(MAX_TOLERANCE) > 0 || t.stripTrailingZeros().scale() > 2) {
            return Mono.error(Problems.invalid("tolerance", "rupees and paise from 0 to 1000"));
        }
        boolean xlsx;
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            xlsx = false;
        } else if (ExportFormat.parse(format).orElse(null) == ExportFormat.XLSX) {
            xlsx = true;
        } else {
            return Mono.error(Problems.invalid("format", "json or xlsx"));
        }
        YearMonth month = YearMonth.parse(period);
        Mono<Gstr2bReconciliation> rec = statements.reconciliation(shop, month, t);
        if (!xlsx) {
            return rec.map(r -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) r));
        }
        return rec.publishOn(Schedulers.boundedElastic())
                .map(r -> Exporter.bytes(r.table(), ExportFormat.XLSX))
                .map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(ExportFormat.XLSX.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                                .filename("gstr2b-reconciliation-" + period + ".xlsx").build().toString())
                        .body((Object) bytes));
    }

    private static ResponseEntity<Gstr2bService.ImportResult> answer(Gstr2bService.ImportResult r) {
        return ResponseEntity.status(r.outcome() == Gstr2bService.Outcome.CREATED ? HttpStatus.CREATED : HttpStatus.OK).body(r);
    }

    private static Mono<byte[]> read(Flux<DataBuffer> content) {
        return Uploads.readAll(content, Gstr2bFile.MAX_BYTES, () -> Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "gstr2b-too-large",
                "GSTR-2B file too large", "A GSTR-2B file is at most 5 MB"));
    }
}
