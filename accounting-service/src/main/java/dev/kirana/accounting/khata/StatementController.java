package dev.kirana.accounting.khata;

import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/parties/{partyId}")
@Tag(name = "Party statements", description = "Statement of account and ageing of a customer or supplier")
public class StatementController {
    private final StatementService statements;

    public StatementController(StatementService statements) {
        this.statements = statements;
    }

    @GetMapping("/statement")
    @Operation(summary = "A party's statement for a date range, with running balance and ageing (owner, manager, auditor)",
            description = "Balance brought forward from before from, every sale, refund, void, collection, payment, opening balance and "
                    + "reversal in the range with the balance after it, and the closing balance; ageing of what is due at to "
                    + "(0-30, 31-60, 61-90, over 90 days; collections allocated to the oldest amounts first). Negative balances are advances.")
    @ApiResponse(responseCode = "404", description = "No such party in this shop")
    public Mono<StatementService.PartyStatementView> statement(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID partyId,
                                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                              @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String shop = me.requireShop();
        return statements.statement(shop, partyId, from, to);
    }

    @GetMapping(value = "/statement.pdf", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "The same statement as a PDF to share with the party (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such party in this shop")
    public Mono<ResponseEntity<byte[]>> pdf(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID partyId,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String shop = me.requireShop();
        return statements.statement(shop, partyId, from, to)
                .publishOn(Schedulers.boundedElastic())
                .map(view -> ResponseEntity.ok()
                        .contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                                .filename("statement-" + from + "-" + to + ".pdf").build().toString())
                        .body(StatementPdf.render(view)));
    }
}
