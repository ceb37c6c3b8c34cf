package dev.kirana.accounting.expense;

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
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting")
@Tag(name = "Expenses", description = "Expense categories and the expenses a shop pays: rent, electricity, wages, transport …")
public class ExpenseController {
    private final ExpenseService expenses;
    private final ExpenseCategories categories;
    private final IdempotencyKeys idempotency;

    public ExpenseController(ExpenseService expenses, ExpenseCategories categories, IdempotencyKeys idempotency) {
        this.expenses = expenses;
        this.categories = categories;
        this.idempotency = idempotency;
    }

    @GetMapping("/expense-categories")
    @Operation(summary = "The shop's expense categories and the expense account each posts to (owner, manager, auditor)",
            description = "Seeded the first time: RENT 5300, ELECTRICITY 5310, WAGES 5320, TRANSPORT 5330, PACKAGING 5340, "
                    + "REPAIRS 5380, BANK_CHARGES 5350, MISC 5900.")
    public Mono<List<ExpenseCategory>> categories(@AuthenticationPrincipal ShopPrincipal me) {
        return categories.list(me.requireShop());
    }

    @PostMapping("/expense-categories")
    @Operation(summary = "Add an expense category (owner or manager)",
            description = "Posts to accountCode (an expense account); without one a new expense account named after the category is "
                    + "opened in the chart (the first free code from 5390), as is an accountCode not in the chart yet.")
    @ApiResponse(responseCode = "201", description = "Added")
    @ApiResponse(responseCode = "400", description = "Bad code or name, or accountCode is not an expense account")
    @ApiResponse(responseCode = "409", description = "The shop has a category with this code")
    public Mono<ResponseEntity<ExpenseCategory>> addCategory(@AuthenticationPrincipal ShopPrincipal me, @RequestBody CategoryRequest request) {
        String shop = BookAccess.write(me);
        return categories.create(shop, me.subject(), request)
                .map(c -> ResponseEntity.created(URI.create("/api/v1/accounting/expense-categories/" + c.id())).body(c));
    }

    @PatchMapping("/expense-categories/{id}")
    @Operation(summary = "Rename a category, point it at another expense account, or retire it (active false) (owner or manager)",
            description = "Expenses already recorded keep the account they were posted to.")
    @ApiResponse(responseCode = "404", description = "No such category in this shop")
    public Mono<ExpenseCategory> updateCategory(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                @RequestBody CategoryRequest request) {
        String shop = BookAccess.write(me);
        return categories.update(shop, me.subject(), id, request);
    }

    @PostMapping(path = "/expenses", consumes = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Record an expense paid (owner or manager); requires Idempotency-Key",
            description = "Posts Dr the category's expense account (net of GST), Dr input CGST 1300 + SGST 1310 (or IGST 1320 when "
                    + "interState), Cr cash 1000 (CASH) or the bank account (BANK, UPI, CARD: bankAccount, else the shop's only bank account, or 1050 when it has none or several). With gstRate "
                    + "alone the GST is worked out of the tax-inclusive amount (1,180.00 at 18% = 1,000.00 + 90.00 + 90.00). Publishes "
                    + "expense.recorded. A receipt is attached by sending the same fields as multipart/form-data (part \"expense\", "
                    + "JSON, and part \"receipt\": a JPEG, PNG or PDF of at most 2 MB).")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "Zero or negative amount, unknown category, a GST amount that is not the rate's, a future date")
    @ApiResponse(responseCode = "409", description = "A cash expense on a day whose cash was closed, or a date in a locked month")
    public Mono<ResponseEntity<Expense>> record(@AuthenticationPrincipal ShopPrincipal me,
                                                @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                @RequestBody ExpenseRequest request) {
        String shop = BookAccess.write(me);
        return idempotency.execute(shop, key, "POST /api/v1/accounting/expenses", request, Expense.class,
                () -> expenses.record(shop, me.subject(), request, null).map(ExpenseController::created));
    }

    @PostMapping(path = "/expenses", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Record an expense with its receipt (owner or manager); requires Idempotency-Key",
            description = "Part \"expense\": the JSON of an expense (Content-Type application/json); part \"receipt\" (optional): a JPEG, "
                    + "PNG or PDF, at most 2 MB, kept in the books with the expense.")
    @ApiResponse(responseCode = "201", description = "Recorded")
    @ApiResponse(responseCode = "400", description = "As for JSON; or the receipt is not a JPEG, PNG or PDF")
    @ApiResponse(responseCode = "413", description = "The receipt is over 2 MB")
    public Mono<ResponseEntity<Expense>> recordWithReceipt(@AuthenticationPrincipal ShopPrincipal me,
                                                           @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                           @RequestPart("expense") ExpenseRequest request,
                                                           @RequestPart(name = "receipt", required = false) FilePart receipt) {
        String shop = BookAccess.write(me);
        Mono<ReceiptFile> file = receipt == null ? Mono.empty() : read(receipt);
        return file.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(f -> {
            Map<String, Object> fingerprint = new LinkedHashMap<>();
            fingerprint.put("expense", request);
            fingerprint.put("receiptSha256", f.map(r -> sha256(r.bytes())).orElse(null));
            return idempotency.execute(shop, key, "POST /api/v1/accounting/expenses", fingerprint, Expense.class,
                    () -> expenses.record(shop, me.subject(), request, f.orElse(null)).map(ExpenseController::created));
        });
    }

    @GetMapping("/expenses")
    @Operation(summary = "Expenses of a period, optionally of one category, with their totals (owner, manager, auditor)")
    @ApiResponse(responseCode = "400", description = "to before from, or more than two years")
    public Mono<ExpenseList> list(@AuthenticationPrincipal ShopPrincipal me,
                                  @Parameter(example = "2026-11-01") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                  @Parameter(example = "2026-11-30") @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                                  @Parameter(description = "a category code", example = "ELECTRICITY") @RequestParam(required = false) String category) {
        return expenses.list(me.requireShop(), from, to, category);
    }

    @GetMapping("/expenses/{id}")
    @Operation(summary = "One expense (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such expense in this shop")
    public Mono<Expense> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return expenses.get(me.requireShop(), id);
    }

    @GetMapping("/expenses/{id}/receipt")
    @Operation(summary = "The receipt kept with an expense, as it was uploaded (owner, manager, auditor)")
    @ApiResponse(responseCode = "200", description = "image/jpeg, image/png or application/pdf")
    @ApiResponse(responseCode = "404", description = "No such expense in this shop, or it has no receipt")
    public Mono<ResponseEntity<byte[]>> receipt(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return expenses.receipt(me.requireShop(), id).map(f -> ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(f.contentType()))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.inline()
                        .filename(f.fileName() == null ? "receipt-" + id : f.fileName()).build().toString())
                .body(f.bytes()));
    }

    @PostMapping("/expenses/{id}/reversal")
    @Operation(summary = "Undo an expense recorded by mistake (owner or manager); requires Idempotency-Key",
            description = "Posts the counter-entry (every line the other way round), dated date or today; the expense is never edited. "
                    + "Publishes expense.reversed.")
    @ApiResponse(responseCode = "201", description = "The expense, with its reversal")
    @ApiResponse(responseCode = "400", description = "No reason, a future date or one before the expense")
    @ApiResponse(responseCode = "404", description = "No such expense in this shop")
    @ApiResponse(responseCode = "409", description = "Reversed already, or the date is on a closed day (cash) or in a locked month")
    public Mono<ResponseEntity<Expense>> reverse(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                 @RequestBody ExpenseReversalRequest request) {
        String shop = BookAccess.write(me);
        return idempotency.execute(shop, key, "POST /api/v1/accounting/expenses/" + id + "/reversal", request, Expense.class,
                () -> expenses.reverse(shop, me.subject(), id, request).map(x -> ResponseEntity.status(HttpStatus.CREATED).body(x)));
    }

    private static ResponseEntity<Expense> created(Expense x) {
        return ResponseEntity.created(URI.create("/api/v1/accounting/expenses/" + x.id())).body(x);
    }

    private static Mono<ReceiptFile> read(FilePart part) {
        return Uploads.readAll(part.content(), ReceiptFile.MAX_BYTES, () -> Problems.of(HttpStatus.PAYLOAD_TOO_LARGE, "receipt-too-large",
                        "Receipt too large", "A receipt is at most 2 MB (" + ReceiptFile.MAX_BYTES + " bytes)"))
                .flatMap(bytes -> ReceiptFile.problem(bytes)
                        .<Mono<ReceiptFile>>map(p -> Mono.error(Problems.invalid("receipt", p)))
                        .orElseGet(() -> Mono.just(new ReceiptFile(ReceiptFile.detect(bytes).orElseThrow(), part.filename(), bytes))));
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
