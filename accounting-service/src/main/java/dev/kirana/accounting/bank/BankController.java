package dev.kirana.accounting.bank;

import dev.kirana.accounting.access.BookAccess;
import dev.kirana.web.Uploads;
import dev.kirana.web.idempotency.IdempotencyKeys;
import dev.kirana.web.problem.Problems;
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
import java.util.UUID;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.multipart.FilePart;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting")
@Tag(name = "Bank", description = "Bank accounts, deposits, withdrawals, transfers, card/UPI settlements, statement import and reconciliation")
public class BankController {
    private static final String MOVEMENT = "Requires Idempotency-Key. ";
    private final BankAccounts accounts;
    private final BankMovements movements;
    private final BankReconciliation reconciliation;
    private final IdempotencyKeys idempotency;

    public BankController(BankAccounts accounts, BankMovements movements, BankReconciliation reconciliation, IdempotencyKeys idempotency) {
        this.accounts = accounts;
        this.movements = movements;
        this.reconciliation = reconciliation;
        this.idempotency = idempotency;
    }

    @GetMapping("/bank-accounts")
    @Operation(summary = "The shop's bank accounts with their balances in the books (owner, manager, auditor)")
    public Mono<List<BankAccount>> list(@AuthenticationPrincipal ShopPrincipal me) {
        return accounts.list(me.requireShop());
    }

    @PostMapping("/bank-accounts")
    @Operation(summary = "Add a bank account (owner or manager)",
            description = "Opens its sub-account under 1050 Bank accounts in the chart (1051, 1052 …), which its postings go to.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "400", description = "No name or bank, last4 not 4 digits, a malformed IFSC")
    public Mono<ResponseEntity<BankAccount>> open(@AuthenticationPrincipal ShopPrincipal me, @RequestBody BankRequests.NewBankAccount request) {
        String shop = BookAccess.write(me);
        return accounts.open(shop, me.subject(), request)
                .map(a -> ResponseEntity.created(URI.create("/api/v1/accounting/bank-accounts/" + a.id())).body(a));
    }

    @GetMapping("/bank-accounts/{id}")
    @Operation(summary = "One bank account (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such bank account in this shop")
    public Mono<BankAccount> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return accounts.get(me.requireShop(), id);
    }

    @GetMapping("/bank-accounts/{id}/movements")
    @Operation(summary = "Deposits, withdrawals, transfers and settlements of a bank account between two dates (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such bank account in this shop")
    public Mono<List<BankMovement>> movements(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                              @Parameter(example = "2026-11-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                              @Parameter(example = "2026-11-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return movements.list(me.requireShop(), id, from, to);
    }

    @PostMapping("/bank-accounts/{id}/deposits")
    @Operation(summary = "Cash from the drawer paid into the bank (owner or manager)",
            description = MOVEMENT + "Posts Dr the bank account / Cr cash in hand 1000. On a closed day: 409.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "409", description = "The day's cash is closed, or the month is locked")
    public Mono<ResponseEntity<BankMovement>> deposit(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                      @RequestBody BankRequests.Movement request) {
        String shop = BookAccess.write(me);
        return idempotency.execute(shop, key, "POST /api/v1/accounting/bank-accounts/" + id + "/deposits", request, BankMovement.class,
                () -> movements.deposit(shop, me.subject(), id, request).map(BankController::created));
    }

    @PostMapping("/bank-accounts/{id}/withdrawals")
    @Operation(summary = "Cash drawn from the bank into the drawer (owner or manager)",
            description = MOVEMENT + "Posts Dr cash in hand 1000 / Cr the bank account.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "409", description = "The day's cash is closed, or the month is locked")
    public Mono<ResponseEntity<BankMovement>> withdraw(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                       @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                       @RequestBody BankRequests.Movement request) {
        String shop = BookAccess.write(me);
        return idempotency.execute(shop, key, "POST /api/v1/accounting/bank-accounts/" + id + "/withdrawals", request, BankMovement.class,
                () -> movements.withdraw(shop, me.subject(), id, request).map(BankController::created));
    }

    @PostMapping("/bank-accounts/{id}/transfers")
    @Operation(summary = "Money moved from this bank account to another of the shop's (owner or manager)",
            description = MOVEMENT + "Posts Dr the receiving account (toAccountId) / Cr this one.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    public Mono<ResponseEntity<BankMovement>> transfer(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                       @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                       @RequestBody BankRequests.Movement request) {
        String shop = BookAccess.write(me);
        return idempotency.execute(shop, key, "POST /api/v1/accounting/bank-accounts/" + id + "/transfers", request, BankMovement.class,
                () -> movements.transfer(shop, me.subject(), id, request).map(BankController::created));
    }

    @PostMapping("/settlements")
    @Operation(summary = "A card or UPI provider's settlement into a bank account (owner or manager)",
            description = MOVEMENT + "Posts Dr the bank account gross − fee, Dr card and UPI fees 5360 the fee, Cr the clearing account "
                    + "(1010 card, 1020 UPI) the gross: 10,000.00 with an 18.00 fee puts 9,982.00 in the bank. Publishes bank.settled.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "Clearing account not 1010/1020, fee not below gross, unknown bank account")
    public Mono<ResponseEntity<BankMovement>> settle(@AuthenticationPrincipal ShopPrincipal me,
                                                     @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                     @RequestBody BankRequests.Settlement request) {
        String shop = BookAccess.write(me);
        return idempotency.execute(shop, key, "POST /api/v1/accounting/settlements", request, BankMovement.class,
                () -> movements.settle(shop, me.subject(), request).map(BankController::created));
    }

    @PostMapping(path = "/bank-accounts/{id}/statements", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import a bank statement CSV (form field \"file\") and match it to the books (owner or manager)",
            description = "Columns are found by their headers, loosely: date (or txn date / value date), description (narration, "
                    + "particulars), reference (ref no, cheque no, UTR), debit (withdrawal) and credit (deposit). Lines imported before "
                    + "are skipped; rows that cannot be read are listed with the reason.")
    @ApiResponse(responseCode = "201", description = "Imported; the report carries the reconciliation after automatic matching")
    @ApiResponse(responseCode = "400", description = "No header with a date and an amount column, an empty file")
    @ApiResponse(responseCode = "413", description = "Over 2 MB")
    public Mono<ResponseEntity<Reconciliation.ImportReport>> importMultipart(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                                             @RequestPart("file") FilePart file) {
        String shop = BookAccess.write(me);
        return read(file.content()).flatMap(bytes -> reconciliation.importStatement(shop, me.subject(), id, bytes)).map(BankController::imported);
    }

    @PostMapping(path = "/bank-accounts/{id}/statements", consumes = {"text/csv", MediaType.TEXT_PLAIN_VALUE, MediaType.APPLICATION_OCTET_STREAM_VALUE})
    @Operation(summary = "Import a bank statement CSV sent as the request body (owner or manager)")
    @ApiResponse(responseCode = "201", description = "Imported")
    public Mono<ResponseEntity<Reconciliation.ImportReport>> importBody(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                                        @RequestBody Flux<DataBuffer> body) {
        String shop = BookAccess.write(me);
        return read(body).flatMap(bytes -> reconciliation.importStatement(shop, me.subject(), id, bytes)).map(BankController::imported);
    }

    @GetMapping("/bank-accounts/{id}/reconciliation")
    @Operation(summary = "The reconciliation: matched pairs, statement lines not in the books, book lines not on the statement (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such bank account in this shop")
    public Mono<Reconciliation> reconciliation(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                               @Parameter(example = "2026-11-01") @RequestParam(required = false)
                                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                               @Parameter(example = "2026-11-30") @RequestParam(required = false)
                                               @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        return reconciliation.reconciliation(me.requireShop(), id, from, to);
    }

    @PostMapping("/bank-accounts/{id}/reconciliation/auto")
    @Operation(summary = "Run the automatic matching again, after new postings (owner or manager)",
            description = "Pairs by amount (statement credit with book debit and the other way), dates at most 3 days apart, and the same "
                    + "reference when both have one. Lines unmatched by hand are left alone.")
    public Mono<Reconciliation> rematch(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return reconciliation.rematch(BookAccess.write(me), id);
    }

    @PostMapping("/bank-accounts/{id}/reconciliation/matches")
    @Operation(summary = "Match a statement line to a book line by hand (owner or manager)", description = "The amounts must agree; the dates need not.")
    @ApiResponse(responseCode = "200", description = "The reconciliation after the match")
    @ApiResponse(responseCode = "409", description = "One of the two is matched already")
    @ApiResponse(responseCode = "422", description = "The amounts differ")
    public Mono<Reconciliation> match(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id, @RequestBody BankRequests.ManualMatch request) {
        String shop = BookAccess.write(me);
        return reconciliation.match(shop, me.subject(), id, request);
    }

    @DeleteMapping("/bank-accounts/{id}/reconciliation/matches/{statementLineId}")
    @Operation(summary = "Undo a match (owner or manager); the statement line is left out of automatic matching from then on")
    @ApiResponse(responseCode = "409", description = "The line is not matched")
    public Mono<Reconciliation> unmatch(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id, @PathVariable UUID statementLineId) {
        return reconciliation.unmatch(BookAccess.write(me), id, statementLineId);
    }

    private static ResponseEntity<BankMovement> created(BankMovement m) {
        return ResponseEntity.status(HttpStatus.CREATED).body(m);
    }

    private static ResponseEntity<Reconciliation.ImportReport> imported(Reconciliation.ImportReport r) {
        return ResponseEntity.status(HttpStatus.CREATED).body(r);
    }

    private static Mono<byte[]> read(Flux<DataBuffer> content) {
        return Uploads.readAll(content, StatementCsv.MAX_BYTES, () -> Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "statement-too-large",
                        "Statement too large", "A statement file is at most 2 MB; import it a month at a time"));
    }
}
