package dev.kirana.accounting.chart;

import dev.kirana.accounting.access.BookAccess;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/accounts")
@Tag(name = "Chart of accounts")
public class ChartController {
    private final Chart chart;

    public ChartController(Chart chart) {
        this.chart = chart;
    }

    @GetMapping
    @Operation(summary = "The shop's chart of accounts, by code (owner, manager, auditor)",
            description = "The standard chart (codes, names, type, Tally group) and the shop's own accounts.")
    public Mono<List<AccountView>> list(@AuthenticationPrincipal ShopPrincipal me) {
        return chart.list(me.requireShop()).map(l -> l.stream().map(AccountView::of).toList());
    }

    @GetMapping("/{code}")
    @Operation(summary = "One account of the chart")
    public Mono<AccountView> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable String code) {
        String shop = me.requireShop();
        return chart.open(shop).then(chart.find(shop, code))
                .map(AccountView::of)
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No account " + code + " in this shop's chart")));
    }

    @PostMapping
    @Operation(summary = "Add a custom account (owner or manager)",
            description = "The code is unique in the shop's chart; a sub-account (a bank account under 1050) has its parent's type. Publishes account.created.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "409", description = "The code is taken")
    public Mono<ResponseEntity<AccountView>> create(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody AccountRequest request) {
        String shop = BookAccess.write(me);
        return chart.create(shop, me.subject(), request)
                .map(a -> ResponseEntity.created(URI.create("/api/v1/accounting/accounts/" + a.code())).body(AccountView.of(a)));
    }

    @DeleteMapping("/{code}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a custom account (owner or manager)",
            description = "Refused with 409 when anything was posted to it, when it has sub-accounts, or when it is a standard account.")
    @ApiResponse(responseCode = "409", description = "The account has postings or is standard")
    public Mono<Void> delete(@AuthenticationPrincipal ShopPrincipal me, @Parameter(example = "1051") @PathVariable String code) {
        return chart.delete(BookAccess.write(me), code);
    }
}
