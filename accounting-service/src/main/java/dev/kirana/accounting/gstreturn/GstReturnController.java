package dev.kirana.accounting.gstreturn;

import dev.kirana.accounting.access.BookAccess;
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
import java.util.Locale;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

/**
 * GSTR-1 and GSTR-3B of a month or a quarter (owner, manager, auditor, or a client with accounting:read); filing a
 * GSTR-1 (owner only) freezes it.
 */
@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/gst/returns")
@Tag(name = "GST returns")
public class GstReturnController {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String PERIOD = "a month as YYYY-MM (2026-11) or a quarter of the financial year as YYYY-Qn (2026-Q3: October to "
            + "December 2026)";
    private final GstReturns returns;

    public GstReturnController(GstReturns returns) {
        this.returns = returns;
    }

    @GetMapping("/gstr-1")
    @Operation(summary = "GSTR-1 of a month or quarter, as the GST offline tool's JSON or as an XLSX workbook",
            description = "The outward supplies reported in the period: b2b (by buyer GSTIN), b2cl (inter-state to unregistered buyers above "
                    + "Rs 1,00,000 per invoice, Rs 2,50,000 for invoices before 1-8-2024), b2cs (the other consumer sales by supply type, "
                    + "place of supply and rate, net of their credit notes), cdnr/cdnur (credit notes), b2ba/b2cla (invoices of a filed "
                    + "return voided since), nil, hsn (hsn_b2b and hsn_b2c), doc_issue. format=json (default) is the JSON the offline "
                    + "tool imports (format " + Gstr1Builder.FORMAT_VERSION + "; amounts are JSON numbers, as the format has them); "
                    + "format=xlsx is a workbook with one sheet per section. hsnDigits=4 (aggregate turnover up to Rs 5 crore, "
                    + "the default) or 6 (above). A filed period answers what was filed (header Kirana-Gst-Filed-At).")
    @ApiResponse(responseCode = "200", description = "The return", content = {
            @Content(mediaType = "application/json", schema = @Schema(type = "object", example = """
                    {"gstin":"27AAPFU0939F1ZV","fp":"112026","version":"GST3.2.4","hash":"hash","b2b":[{"ctin":"29AABCT1332L1ZU",
                    "inv":[{"inum":"INV/2627/00001","idt":"05-11-2026","val":11800.00,"pos":"29","rchrg":"N","inv_typ":"R",
                    "itms":[{"num":1,"itm_det":{"txval":10000.00,"rt":18,"iamt":1800.00,"csamt":0.00}}]}]}],
                    "hsn":{"hsn_b2b":[],"hsn_b2c":[]},"doc_issue":{"doc_det":[]}}""")),
            @Content(mediaType = XLSX, schema = @Schema(type = "string", format = "binary"))})
    public Mono<ResponseEntity<Object>> gstr1(@AuthenticationPrincipal ShopPrincipal me,
                                              @Parameter(description = PERIOD, example = "2026-11") @RequestParam String period,
                                              @Parameter(description = "json (default) or xlsx") @RequestParam(required = false) String format,
                                              @Parameter(description = "4 (default) or 6", example = "4") @RequestParam(required = false) String hsnDigits) {
        String shop = me.requireShop();
        ReturnPeriod p = period(period);
        int digits = hsnDigits(hsnDigits);
        boolean xlsx = xlsx(format);
        return returns.gstr1(shop, p, digits).publishOn(Schedulers.boundedElastic()).map(r -> {
            ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
            if (r.filedAt() != null) ok.header("Kirana-Gst-Filed-At", r.filedAt().toString());
            if (xlsx) {
                return ok.contentType(MediaType.parseMediaType(XLSX))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename("GSTR-1-" + p.label() + ".xlsx").build().toString())
                        .body((Object) Gstr1Workbook.render(r.json(), null));
            }
            return ok.contentType(MediaType.APPLICATION_JSON).body((Object) JSON.writeValueAsString(r.json()));
        });
    }

    @PostMapping("/gstr-1/{period}/filed")
    @Operation(summary = "Mark a period's GSTR-1 filed (owner only)",
            description = "Keeps the return as it is now (its JSON, as GET answers it) and freezes the period: later GETs answer what was "
                    + "filed, and a document that comes later for its months (a late sale, a credit note, a void) is reported in the "
                    + "next open month, a void of a filed invoice as its amendment (b2ba/b2cla). Only a period that has ended can be "
                    + "filed, and each month once (monthly or within a quarter): filing again is 409.")
    @ApiResponse(responseCode = "201", description = "Filed: the return as filed, as the offline tool's JSON",
            content = @Content(mediaType = "application/json", schema = @Schema(type = "object")))
    @ApiResponse(responseCode = "403", description = "Not the shop's owner")
    @ApiResponse(responseCode = "409", description = "Filed before, a month of it filed before, or the period has not ended")
    public Mono<ResponseEntity<Object>> fileGstr1(@AuthenticationPrincipal ShopPrincipal me,
                                             @Parameter(description = PERIOD, example = "2026-11") @PathVariable String period,
                                             @Parameter(description = "4 (default) or 6", example = "4") @RequestParam(required = false) String hsnDigits) {
        String shop = BookAccess.own(me);
        ReturnPeriod p = period(period);
        int digits = hsnDigits(hsnDigits);
        return returns.file(shop, p, digits, me.subject()).map(r -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/accounting/gst/returns/gstr-1?period=" + p.label()))
                .header("Kirana-Gst-Filed-At", r.filedAt().toString())
                .contentType(MediaType.APPLICATION_JSON).body((Object) JSON.writeValueAsString(r.json())));
    }

    @GetMapping("/gstr-3b")
    @Operation(summary = "GSTR-3B of a month or quarter",
            description = "Table 3.1 (outward taxable supplies, zero-rated, nil-rated and exempt, net of credit notes), 3.2 (inter-state "
                    + "supplies to unregistered persons by place of supply), 4 (input tax credit: suppliers' bills and expenses with GST, "
                    + "less debit notes for goods sent back), and 6.1: the tax payable per head rounded to the rupee, the credit set off "
                    + "against it (IGST credit first) and what is left to pay in cash. Outward supplies are those the period's GSTR-1 reports.")
    public Mono<Gstr3b> gstr3b(@AuthenticationPrincipal ShopPrincipal me,
                               @Parameter(description = PERIOD, example = "2026-11") @RequestParam String period) {
        String shop = me.requireShop();
        return returns.gstr3b(shop, period(period));
    }

    private static ReturnPeriod period(String text) {
        return ReturnPeriod.parse(text).orElseThrow(() -> Problems.invalid("period", PERIOD));
    }

    private static int hsnDigits(String text) {
        if (text == null || text.isBlank()) return 4;
        return switch (text.strip()) {
            case "4" -> 4;
            case "6" -> 6;
            default -> throw Problems.invalid("hsnDigits", "4 (aggregate turnover up to Rs 5 crore) or 6 (above)");
        };
    }

    private static boolean xlsx(String format) {
        if (format == null || format.isBlank()) return false;
        return switch (format.strip().toLowerCase(Locale.ROOT)) {
            case "json" -> false;
            case "xlsx" -> true;
            default -> throw Problems.invalid("format", "json or xlsx");
        };
    }
}
