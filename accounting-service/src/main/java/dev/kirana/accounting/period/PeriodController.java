package dev.kirana.accounting.period;

import dev.kirana.accounting.access.BookAccess;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/periods")
@Tag(name = "Periods")
public class PeriodController {
    private final Periods periods;

    public PeriodController(Periods periods) {
        this.periods = periods;
    }

    @GetMapping("/locks")
    @Operation(summary = "The locked months of the books (owner, manager, auditor)")
    public Mono<List<PeriodLock>> locks(@AuthenticationPrincipal ShopPrincipal me) {
        return periods.list(me.requireShop());
    }

    @PostMapping("/{month}/lock")
    @Operation(summary = "Lock a month of the books (owner only)",
            description = "Only a month that has ended can be locked. Afterwards an entry made by hand for it is refused with 409, and "
                    + "an entry posted from a late event (a sale, a stock count) goes on the first open date, keeping its own date as "
                    + "originalDate. A lock is final: there is no unlock, because a locked month has gone into a GST return or to the "
                    + "accountant; correct it with an entry in an open month. Locking a locked month again returns the lock (200). "
                    + "Publishes period.locked.")
    @ApiResponse(responseCode = "201", description = "Locked")
    @ApiResponse(responseCode = "200", description = "It was locked already")
    @ApiResponse(responseCode = "409", description = "The month has not ended")
    public Mono<ResponseEntity<PeriodLock>> lock(@AuthenticationPrincipal ShopPrincipal me,
                                                 @Parameter(example = "2026-03") @PathVariable String month) {
        String shop = BookAccess.own(me);
        YearMonth period;
        try {
            period = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            return Mono.error(Problems.invalid("month", "a month as YYYY-MM, e.g. 2026-03"));
        }
        return periods.lock(shop, me.subject(), period).map(l -> l.created()
                ? ResponseEntity.created(URI.create("/api/v1/accounting/periods/locks")).body(l.lock())
                : ResponseEntity.status(HttpStatus.OK).body(l.lock()));
    }
}
