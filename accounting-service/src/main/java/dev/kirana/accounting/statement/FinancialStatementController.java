package dev.kirana.accounting.statement;

import dev.kirana.export.ExportFormat;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Function;
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

/**
 * The books' statements for any period (owner, manager, auditor; a cashier gets 403). {@code format} csv, xlsx or pdf
 * downloads the statement as a file instead of JSON.
 */
@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting")
@Tag(name = "Statements")
public class FinancialStatementController {
    private static final ZoneId SHOP_ZONE = ZoneId.of("Asia/Kolkata");
    private final Statements statements;

    public FinancialStatementController(Statements statements) {
        this.statements = statements;
    }

    @GetMapping("/trial-balance")
    @Operation(summary = "Trial balance rows: per account, debits and credits (all time unless from/to are given), with names and types")
    public Mono<List<TrialBalance.Row>> trialBalanceRows(@AuthenticationPrincipal ShopPrincipal me,
                                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String shop = me.requireShop();
        LocalDate f = from == null ? Statements.BEGINNING : from;
        LocalDate t = to == null ? Statements.END : to;
        return range(f, t).then(statements.trialBalance(shop, f, t)).map(TrialBalance::rows);
    }

    @GetMapping("/statements/trial-balance")
    @Operation(summary = "Trial balance of a period",
            description = "Per account: opening (debits less credits before from), the period's debits and credits, closing in the Dr or Cr "
                    + "column; totals, and whether they agree. format=csv|xlsx|pdf downloads it.")
    public Mono<ResponseEntity<Object>> trialBalance(@AuthenticationPrincipal ShopPrincipal me,
                                                     @Parameter(example = "2026-04-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                     @Parameter(example = "2026-04-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                     @Parameter(description = "json (default), csv, xlsx or pdf") @RequestParam(required = false) String format) {
        String shop = me.requireShop();
        return respond(range(from, to).then(statements.trialBalance(shop, from, to)), format, TrialBalance::table,
                "trial-balance-" + from + "-" + to);
    }

    @GetMapping("/statements/profit-and-loss")
    @Operation(summary = "Profit and loss of a period",
            description = "Sales, sales returns, net sales, cost of goods sold, gross profit, other income, expenses by account, net profit. "
                    + "format=csv|xlsx|pdf downloads it.")
    public Mono<ResponseEntity<Object>> profitAndLoss(@AuthenticationPrincipal ShopPrincipal me,
                                                      @Parameter(example = "2026-04-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                      @Parameter(example = "2026-04-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                      @RequestParam(required = false) String format) {
        String shop = me.requireShop();
        return respond(range(from, to).then(statements.profitAndLoss(shop, from, to)), format, ProfitAndLoss::table,
                "profit-and-loss-" + from + "-" + to);
    }

    @GetMapping("/statements/balance-sheet")
    @Operation(summary = "Balance sheet at a date (today by default)",
            description = "Assets, liabilities and equity by group; equity includes the profit of earlier years and of the financial year "
                    + "to date. balanced and check state assets = liabilities + equity. format=csv|xlsx|pdf downloads it.")
    public Mono<ResponseEntity<Object>> balanceSheet(@AuthenticationPrincipal ShopPrincipal me,
                                                     @Parameter(example = "2026-04-30") @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asAt,
                                                     @RequestParam(required = false) String format) {
        String shop = me.requireShop();
        LocalDate at = asAt == null ? LocalDate.now(SHOP_ZONE) : asAt;
        return respond(statements.balanceSheet(shop, at), format, BalanceSheet::table, "balance-sheet-" + at);
    }

    @GetMapping("/statements/ledger/{account}")
    @Operation(summary = "One account's postings over a period with the running balance (on the account's normal side)")
    public Mono<AccountLedger> ledger(@AuthenticationPrincipal ShopPrincipal me, @Parameter(example = "1000") @PathVariable String account,
                                      @Parameter(example = "2026-04-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                      @Parameter(example = "2026-04-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        String shop = me.requireShop();
        return range(from, to).then(statements.ledger(shop, account, from, to));
    }

    @GetMapping("/statements/monthly-summary")
    @Operation(summary = "Month by month: net sales, cost of goods sold, gross profit, other income, expenses, net profit, cash and bank at month end")
    public Mono<ResponseEntity<Object>> monthlySummary(@AuthenticationPrincipal ShopPrincipal me,
                                                       @Parameter(example = "2026-04-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                       @Parameter(example = "2027-03-31") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                       @RequestParam(required = false) String format) {
        String shop = me.requireShop();
        Mono<Void> check = range(from, to).then(from.plusYears(3).isBefore(to)
                ? Mono.error(Problems.invalid("to", "at most three years after from")) : Mono.empty());
        return respond(check.then(statements.monthlySummary(shop, from, to)), format, MonthlySummary::table,
                "monthly-summary-" + from + "-" + to);
    }

    @GetMapping("/statements/cash-flow")
    @Operation(summary = "Cash flow of a period from the cash and bank accounts",
            description = "Opening, money in and out by what it was for, closing; and each cash and bank account's movement.")
    public Mono<ResponseEntity<Object>> cashFlow(@AuthenticationPrincipal ShopPrincipal me,
                                                 @Parameter(example = "2026-04-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                 @Parameter(example = "2026-04-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                                 @RequestParam(required = false) String format) {
        String shop = me.requireShop();
        return respond(range(from, to).then(statements.cashFlow(shop, from, to)), format, CashFlow::table, "cash-flow-" + from + "-" + to);
    }

    private static Mono<Void> range(LocalDate from, LocalDate to) {
        return to.isBefore(from) ? Mono.error(Problems.invalid("to", "must not be before from")) : Mono.empty();
    }

    /** JSON, or the statement rendered as a file off the event loop. */
    private static <T> Mono<ResponseEntity<Object>> respond(Mono<T> statement, String format, Function<T, StatementTable> table, String name) {
        if (format == null || format.isBlank() || format.equalsIgnoreCase("json")) {
            return statement.map(s -> ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body((Object) s));
        }
        ExportFormat f = ExportFormat.parse(format).orElse(null);
        if (f == null) {
            return Mono.error(Problems.invalid("format", "one of json, csv, xlsx, pdf"));
        }
        return statement
                .publishOn(Schedulers.boundedElastic())
                .map(s -> StatementFiles.render(table.apply(s), f))
                .map(bytes -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(f.contentType()))
                        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name + "." + f.extension()).build().toString())
                        .body((Object) bytes));
    }
}
