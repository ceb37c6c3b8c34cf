package dev.kirana.accounting.cashbook;

import dev.kirana.accounting.access.BookAccess;
import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * The cash book and the day close. Cashiers get 403 here, the day's cash book included: the drawer is counted blind
 * (the counter does not see what the book expects before counting), and the close is the owner's or manager's.
 */
@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/cash-book")
@Tag(name = "Cash book", description = "Cash in hand day by day, and the day close with the drawer count")
public class CashBookController {
    private final CashBook cashBook;
    private final IdempotencyKeys idempotency;

    public CashBookController(CashBook cashBook, IdempotencyKeys idempotency) {
        this.cashBook = cashBook;
        this.idempotency = idempotency;
    }

    @GetMapping
    @Operation(summary = "A day of the cash book (owner, manager, auditor)",
            description = "Opening cash in hand (1000), every movement in and out that day with its narration and source (sales, "
                    + "collections, expenses, deposits, the close's variance) and the balance after it, the closing balance, and the "
                    + "close when the day was closed. All from the journal.")
    @ApiResponse(responseCode = "200", description = "The day")
    public Mono<CashBookDay> day(@AuthenticationPrincipal ShopPrincipal me,
                                 @Parameter(description = "the shop's day (India time); today when left out", example = "2026-11-30")
                                 @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        String shop = me.requireShop();
        return cashBook.day(shop, date == null ? cashBook.today() : date);
    }

    @GetMapping("/closes")
    @Operation(summary = "The days closed between two dates, with their counts and variances (owner, manager, auditor)")
    public Mono<List<CashBookDay.DayClose>> closes(@AuthenticationPrincipal ShopPrincipal me,
                                                   @Parameter(example = "2026-11-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                   @Parameter(example = "2026-11-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return cashBook.closes(me.requireShop(), from, to);
    }

    @PostMapping("/{date}/close")
    @Operation(summary = "Close a day with the cash counted in the drawer (owner or manager); requires Idempotency-Key",
            description = "Variance = counted − book (cash in hand at the end of the day). A shortage posts Dr cash short/over 5400 / "
                    + "Cr cash 1000, an excess the other way, so the book then says what was counted. The day is then closed: an "
                    + "expense, deposit or entry by hand that moves cash dated on it is 409 (sales still post; see the README). "
                    + "Publishes day.closed.")
    @ApiResponse(responseCode = "201", description = "Closed")
    @ApiResponse(responseCode = "400", description = "No count, a negative one, a future day")
    @ApiResponse(responseCode = "409", description = "The day is closed already, or its month is locked")
    public Mono<ResponseEntity<CashBookDay.DayClose>> close(@AuthenticationPrincipal ShopPrincipal me,
                                                            @Parameter(example = "2026-11-30") @PathVariable
                                                            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                                                            @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                            @RequestBody DayCloseRequest request) {
        String shop = BookAccess.write(me);
        return idempotency.execute(shop, key, "POST /api/v1/accounting/cash-book/" + date + "/close", request, CashBookDay.DayClose.class,
                () -> cashBook.close(shop, me.subject(), date, request)
                        .map(c -> ResponseEntity.created(URI.create("/api/v1/accounting/cash-book?date=" + date)).body(c)));
    }
}
