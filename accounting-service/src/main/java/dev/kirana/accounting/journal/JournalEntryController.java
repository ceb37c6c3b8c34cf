package dev.kirana.accounting.journal;

import dev.kirana.accounting.access.BookAccess;
import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/journal-entries")
@Tag(name = "Journal entries")
public class JournalEntryController {
    private static final String BASE = "/api/v1/accounting/journal-entries";
    private final ManualJournal journal;
    private final IdempotencyKeys idempotency;

    public JournalEntryController(ManualJournal journal, IdempotencyKeys idempotency) {
        this.journal = journal;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(summary = "Make a journal entry by hand (owner or manager); requires Idempotency-Key",
            description = "Balanced (debits = credits), at least two lines, each with a positive debit or credit in rupees, a date not in "
                    + "the future and outside a locked month, and a narration. Entries are never edited or deleted: reverse one instead. "
                    + "Publishes journal.posted.")
    @ApiResponse(responseCode = "201", description = "Posted")
    @ApiResponse(responseCode = "400", description = "Unbalanced, fewer than two lines, a zero or negative amount, an unknown account …")
    @ApiResponse(responseCode = "409", description = "The date is in a locked month")
    public Mono<ResponseEntity<JournalEntryView>> post(@AuthenticationPrincipal ShopPrincipal me,
                                                       @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                       @RequestBody ManualEntryRequest request) {
        String shop = BookAccess.write(me);
        return idempotency.execute(shop, key, "POST " + BASE, request, JournalEntryView.class,
                () -> journal.post(shop, me.subject(), request).map(v -> ResponseEntity.created(URI.create(BASE + "/" + v.id())).body(v)));
    }

    @Schema(example = """
            {"date":"2026-04-06","narration":"Rent entered twice"}""")
    public record ReversalRequest(LocalDate date, String narration) {
    }

    @PostMapping("/{id}/reversal")
    @Operation(summary = "Reverse an entry made by hand (owner or manager); requires Idempotency-Key",
            description = "Posts the counter-entry (every debit a credit) on the date given, today by default, in an open month. An entry "
                    + "is reversed once; entries posted from sales or stock are undone by what caused them (a void, a refund, an adjustment).")
    @ApiResponse(responseCode = "201", description = "The reversal")
    @ApiResponse(responseCode = "409", description = "Reversed already, not a manual entry, or the date is in a locked month")
    public Mono<ResponseEntity<JournalEntryView>> reverse(@AuthenticationPrincipal ShopPrincipal me,
                                                          @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                          @PathVariable UUID id,
                                                          @RequestBody(required = false) ReversalRequest request) {
        String shop = BookAccess.write(me);
        ReversalRequest r = request == null ? new ReversalRequest(null, null) : request;
        return idempotency.execute(shop, key, "POST " + BASE + "/" + id + "/reversal", r, JournalEntryView.class,
                () -> journal.reverse(shop, me.subject(), id, r.date(), r.narration())
                        .map(v -> ResponseEntity.created(URI.create(BASE + "/" + v.id())).body(v)));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One journal entry with its lines (owner, manager, auditor)")
    public Mono<JournalEntryView> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return journal.find(me.requireShop(), id)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No journal entry " + id + " in this shop")));
    }

    @GetMapping
    @Operation(summary = "Journal entries between two dates, oldest first (owner, manager, auditor)",
            description = "kind: POSTED (from sales, refunds, stock), MANUAL or REVERSAL; page from 0, size up to 500.")
    public Mono<List<JournalEntryView>> list(@AuthenticationPrincipal ShopPrincipal me,
                                             @Parameter(example = "2026-04-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                             @Parameter(example = "2026-04-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                             @RequestParam(required = false) String kind,
                                             @RequestParam(defaultValue = "0") int page,
                                             @RequestParam(defaultValue = "100") int size) {
        String shop = me.requireShop();
        if (to.isBefore(from)) {
            return Mono.error(Problems.invalid("to", "must not be before from"));
        }
        if (kind != null && !List.of("POSTED", "MANUAL", "REVERSAL").contains(kind)) {
            return Mono.error(Problems.invalid("kind", "one of POSTED, MANUAL, REVERSAL"));
        }
        if (page < 0 || size < 1 || size > 500) {
            return Mono.error(Problems.invalid(size < 1 || size > 500 ? "size" : "page", size < 1 || size > 500 ? "from 1 to 500" : "from 0"));
        }
        return journal.list(shop, from, to, kind, size, page).collectList();
    }
}
