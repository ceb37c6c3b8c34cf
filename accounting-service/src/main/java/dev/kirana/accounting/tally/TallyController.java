package dev.kirana.accounting.tally;

import dev.kirana.accounting.access.BookAccess;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The books for Tally: an import file of vouchers and masters for a period, and ledger balances read back from the
 * shop's own TallyPrime (owner, manager, auditor, and a Tally connector's client with accounting:read; the settings
 * are the owner's to set).
 */
@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/tally")
@Tag(name = "Tally")
public class TallyController {
    private static final int MAX_LEDGER = 200;
    private static final int MAX_COMPANY = 200;
    private final TallyExport export;
    private final TallyBalanceService balances;
    private final TallySettingsStore settings;
    private final TallyBalanceCache cache;
    private final TallyClient client;
    private final TallyAddressPolicy policy;
    private final TallyProperties props;
    private final Clock clock;

    public TallyController(TallyExport export, TallyBalanceService balances, TallySettingsStore settings, TallyBalanceCache cache,
                           TallyClient client, TallyAddressPolicy policy, TallyProperties props, Clock clock) {
        this.export = export;
        this.balances = balances;
        this.settings = settings;
        this.cache = cache;
        this.client = client;
        this.policy = policy;
        this.props = props;
        this.clock = clock;
    }

    @GetMapping(value = "/export", produces = {MediaType.APPLICATION_XML_VALUE, MediaType.APPLICATION_PROBLEM_JSON_VALUE})
    @Operation(summary = "The books of a period as a TallyPrime XML import file",
            description = "kind=vouchers: every journal entry dated from..to as a voucher (Sales, Purchase, Receipt, Payment, Credit Note, "
                    + "Debit Note, Contra or Journal by what posted it), with its ledger lines (ISDEEMEDPOSITIVE Yes and a negative AMOUNT "
                    + "for a debit); kind=masters: every account of the chart as a ledger under its Tally group, every customer (Sundry "
                    + "Debtors) and supplier (Sundry Creditors) with GSTIN and state, the stock items sold or bought with HSN and GST rate; "
                    + "kind=all (default): both, masters first. Every object carries a GUID made from the shop and the entry or master, the "
                    + "same on every export, so importing a second export updates what the first created. At most 366 days.")
    @ApiResponse(responseCode = "200", description = "The import file (Gateway of Tally → Import → Vouchers/Masters)",
            content = @Content(mediaType = "application/xml", schema = @Schema(type = "string", example = """
                    <ENVELOPE><HEADER><TALLYREQUEST>Import Data</TALLYREQUEST></HEADER><BODY><IMPORTDATA><REQUESTDESC>\
                    <REPORTNAME>Vouchers</REPORTNAME></REQUESTDESC><REQUESTDATA><TALLYMESSAGE><VOUCHER VCHTYPE="Sales" ACTION="Create">\
                    …</VOUCHER></TALLYMESSAGE></REQUESTDATA></IMPORTDATA></BODY></ENVELOPE>""")))
    public Mono<ResponseEntity<byte[]>> export(@AuthenticationPrincipal ShopPrincipal me,
                                               @Parameter(example = "2026-04-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                               @Parameter(example = "2026-04-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                               @Parameter(description = "vouchers, masters or all (default)") @RequestParam(required = false) String kind) {
        String shop = me.requireShop();
        if (to.isBefore(from)) {
            return Mono.error(Problems.invalid("to", "must not be before from"));
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) > 366) {
            return Mono.error(Problems.invalid("to", "at most 366 days after from"));
        }
        TallyXml.Kind k;
        try {
            k = kind == null || kind.isBlank() ? TallyXml.Kind.ALL : TallyXml.Kind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return Mono.error(Problems.invalid("kind", "one of vouchers, masters, all"));
        }
        String name = "tally-" + k.name().toLowerCase(Locale.ROOT) + "-" + from + "-" + to + ".xml";
        return export.export(shop, from, to, k).map(xml -> ResponseEntity.ok()
                .contentType(MediaType.APPLICATION_XML)
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
                .body(xml));
    }

    /** A ledger's closing balance as the API shows it. */
    @Schema(example = """
            {"ledger":"Sharma Traders","closingBalance":"-8715.00","side":"Cr","asOf":"2026-11-30","fetchedAt":"2026-11-30T06:12:00Z",
             "stale":false,"ageSeconds":0,"source":"TALLY"}""")
    public record BalanceView(String ledger,
                              @Schema(description = "debit positive, credit negative") String closingBalance,
                              @Schema(description = "Dr or Cr") String side, LocalDate asOf, Instant fetchedAt,
                              @Schema(description = "Tally could not be asked now; this is the last value it gave") boolean stale,
                              long ageSeconds,
                              @Schema(description = "TALLY (asked now) or CACHE") String source) {
        static BalanceView of(TallyBalance b) {
            BigDecimal v = b.closingBalance().setScale(2, RoundingMode.HALF_UP);
            return new BalanceView(b.ledger(), v.toPlainString(), v.signum() < 0 ? "Cr" : "Dr", b.asOf(), b.fetchedAt(), b.stale(),
                    b.ageSeconds(), b.source().name());
        }
    }

    @GetMapping("/ledgers/{name}/closing-balance")
    @Operation(summary = "A ledger's closing balance in the shop's TallyPrime",
            description = "Asked of the Tally set in /tally/settings (XML over HTTP, an Export of the Ledger object's ClosingBalance) and "
                    + "cached for 2 hours per ledger: within that the cached value is served (source CACHE, stale false) without asking "
                    + "Tally. When Tally is down, slower than the time limit (3 s), answers something that is not a balance, or its circuit "
                    + "is open after repeated failures, the last value is served with stale true and its age; with none cached, 503 "
                    + "tally-unavailable. 409 tally-not-configured when the shop has no Tally settings.")
    @ApiResponse(responseCode = "200", description = "The balance")
    @ApiResponse(responseCode = "400", description = "The ledger name is empty, too long or has control characters")
    @ApiResponse(responseCode = "409", description = "Tally is not configured for the shop")
    @ApiResponse(responseCode = "503", description = "Tally is unavailable and no balance of the ledger is cached")
    public Mono<BalanceView> closingBalance(@AuthenticationPrincipal ShopPrincipal me,
                                            @Parameter(example = "Sharma Traders") @PathVariable String name) {
        String shop = me.requireShop();
        String ledger = ledgerName(name);
        return balances.closingBalance(shop, ledger)
                .onErrorMap(TallyUnavailableException.class, e -> Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "tally-unavailable",
                        "Tally is unavailable", e.getMessage() + "; no balance of " + ledger + " is cached"))
                .flatMap(b -> b.map(x -> Mono.just(BalanceView.of(x))).orElseGet(() -> Mono.error(notConfigured())));
    }

    /** One cached balance. */
    public record CacheEntry(String ledger, String closingBalance, LocalDate asOf, Instant fetchedAt, long ageSeconds,
                             @Schema(description = "younger than the time to live: served without asking Tally") boolean fresh) {
    }

    /** The cache and the circuit of the shop's Tally. */
    @Schema(example = """
            {"configured":true,"circuitState":"CLOSED","failureRate":"0.0","failedCalls":0,"successfulCalls":3,"ttlSeconds":7200,
             "timeoutMillis":3000,"entries":[{"ledger":"Sharma Traders","closingBalance":"-8715.00","asOf":"2026-11-30",
             "fetchedAt":"2026-11-30T06:12:00Z","ageSeconds":600,"fresh":true}]}""")
    public record CacheView(boolean configured,
                            @Schema(description = "CLOSED, OPEN or HALF_OPEN (CLOSED before any call)") String circuitState,
                            @Schema(description = "percent of failed calls in the window, -1.0 before enough calls") String failureRate,
                            int failedCalls, int successfulCalls, long ttlSeconds, long timeoutMillis, List<CacheEntry> entries) {
    }

    @GetMapping("/cache")
    @Operation(summary = "The cached Tally balances of the shop, their ages, and the state of the circuit to its Tally")
    public Mono<CacheView> cache(@AuthenticationPrincipal ShopPrincipal me) {
        String shop = me.requireShop();
        Instant now = clock.instant();
        return Mono.zip(settings.find(shop).map(s -> true).defaultIfEmpty(false), cache.all(shop)).map(t -> {
            List<CacheEntry> entries = new ArrayList<>();
            for (TallyBalanceCache.Cached c : t.getT2()) {
                entries.add(new CacheEntry(c.ledger(), c.closingBalance().setScale(2, RoundingMode.HALF_UP).toPlainString(), c.asOf(),
                        c.fetchedAt(), TallyBalanceService.age(c.fetchedAt(), now), TallyBalanceService.fresh(c.fetchedAt(), now, props.cacheTtl())));
            }
            CircuitBreaker cb = client.existingBreaker(shop);
            String state = cb == null ? "CLOSED" : cb.getState().name();
            float rate = cb == null ? -1f : cb.getMetrics().getFailureRate();
            return new CacheView(t.getT1(), state, String.valueOf(rate), cb == null ? 0 : cb.getMetrics().getNumberOfFailedCalls(),
                    cb == null ? 0 : cb.getMetrics().getNumberOfSuccessfulCalls(), props.cacheTtl().toSeconds(), props.timeout().toMillis(), entries);
        });
    }

    @GetMapping("/settings")
    @Operation(summary = "The shop's Tally settings", description = "404 when none are set.")
    @ApiResponse(responseCode = "404", description = "No Tally settings")
    public Mono<TallySettings> getSettings(@AuthenticationPrincipal ShopPrincipal me) {
        return settings.find(me.requireShop()).switchIfEmpty(Mono.error(Problems.notFound("no Tally settings for this shop")));
    }

    @PutMapping("/settings")
    @Operation(summary = "Set where the shop's TallyPrime answers (owner only)",
            description = "url: http or https, TallyPrime's XML server (Help → Settings → Connectivity, port 9000 by default), reachable "
                    + "from the suite; loopback, link-local, private and cloud metadata addresses are refused (unless the suite runs with "
                    + "kirana.tally.allow-private-addresses=true). company: the company loaded in Tally. Setting them forgets the cached "
                    + "balances.")
    @ApiResponse(responseCode = "200", description = "Set")
    @ApiResponse(responseCode = "400", description = "The URL or the company is not acceptable")
    @ApiResponse(responseCode = "403", description = "Not the owner")
    public Mono<TallySettings> putSettings(@AuthenticationPrincipal ShopPrincipal me, @RequestBody TallySettings.Request request) {
        String shop = BookAccess.own(me);
        if (request == null) {
            return Mono.error(Problems.badRequest("a body {url, company} is required"));
        }
        List<Problems.FieldError> errors = new ArrayList<>();
        String company = request.company() == null ? "" : request.company().strip();
        if (company.isEmpty()) {
            errors.add(new Problems.FieldError("company", "required"));
        } else if (company.length() > MAX_COMPANY) {
            errors.add(new Problems.FieldError("company", "at most " + MAX_COMPANY + " characters"));
        } else if (company.chars().anyMatch(Character::isISOControl)) {
            errors.add(new Problems.FieldError("company", "must not contain control characters"));
        }
        String url = request.url() == null ? null : request.url().strip();
        return Mono.fromCallable(() -> policy.refusal(url))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(refusal -> {
                    refusal.ifPresent(why -> errors.add(0, new Problems.FieldError("url", why)));
                    if (!errors.isEmpty()) {
                        return Mono.error(Problems.invalid(errors));
                    }
                    return settings.save(shop, url, company, me.subject(), clock.instant())
                            .doOnSuccess(s -> client.breaker(shop).reset());
                });
    }

    private static String ledgerName(String name) {
        String n = name == null ? "" : name.strip();
        if (n.isEmpty()) {
            throw Problems.invalid("name", "a ledger name is required");
        }
        if (n.length() > MAX_LEDGER) {
            throw Problems.invalid("name", "at most " + MAX_LEDGER + " characters");
        }
        if (n.chars().anyMatch(Character::isISOControl)) {
            throw Problems.invalid("name", "must not contain control characters");
        }
        return n;
    }

    private static RuntimeException notConfigured() {
        return Problems.of(HttpStatus.CONFLICT, "tally-not-configured", "Tally is not configured",
                "the shop has no Tally settings: the owner sets them with PUT /api/v1/accounting/tally/settings");
    }
}
