package dev.kirana.accounting.distribution;

import dev.kirana.accounting.access.BookAccess;
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
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/retailers")
@Tag(name = "Retailers", description = "A distributor's retailers: customers in the books with a PRM code, area, route and credit days")
public class RetailerController {
    private final RetailerService retailers;
    private final IdempotencyKeys idempotency;

    public RetailerController(RetailerService retailers, IdempotencyKeys idempotency) {
        this.retailers = retailers;
        this.idempotency = idempotency;
    }

    @PostMapping
    @Operation(operationId = "createRetailer", summary = "Add a retailer (owner or manager)",
            description = "Creates the customer (as POST /parties does: phone normalised, GSTIN checked, an opening balance posted) "
                    + "with its retailer profile, or with partyId makes an existing customer a retailer. The code is kept in upper "
                    + "case and is unique in the shop. With an Idempotency-Key a retry returns the first response.")
    @ApiResponse(responseCode = "201", description = "Created; Location names the retailer (its id is its party id)")
    @ApiResponse(responseCode = "400", description = "No code or name, a bad GSTIN, credit days outside 0-365")
    @ApiResponse(responseCode = "404", description = "partyId is not a party of this shop")
    @ApiResponse(responseCode = "409", description = "The code is another retailer's, or the party is a retailer already")
    @ApiResponse(responseCode = "422", description = "partyId is a supplier")
    public Mono<ResponseEntity<Retailer>> create(@AuthenticationPrincipal ShopPrincipal me,
                                                 @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String key,
                                                 @RequestBody RetailerRequests.CreateRetailer request) {
        String shop = BookAccess.write(me);
        Supplier<Mono<ResponseEntity<Retailer>>> action = () -> retailers.create(shop, request)
                .map(r -> ResponseEntity.created(URI.create("/api/v1/accounting/retailers/" + r.id())).eTag(r.etag()).body(r));
        return key == null ? action.get()
                : idempotency.execute(shop, key, "POST /api/v1/accounting/retailers", request, Retailer.class, action);
    }

    @GetMapping
    @Operation(operationId = "listRetailers", summary = "Retailers by code, with what each owes now (owner, manager, auditor)",
            description = "Paged in code order. area and route match whole values in any case; q matches part of the name or code.")
    public Mono<Retailers.RetailerPage> list(@AuthenticationPrincipal ShopPrincipal me,
                                     @Parameter(example = "Pune East") @RequestParam(required = false) String area,
                                     @Parameter(example = "Route 3") @RequestParam(required = false) String route,
                                     @Parameter(description = "part of the name or code") @RequestParam(required = false) String q,
                                     @RequestParam(defaultValue = "0") int page,
                                     @RequestParam(defaultValue = "50") int size) {
        String shop = me.requireShop();
        if (page < 0 || page > 100_000) {
            return Mono.error(Problems.invalid("page", "must be 0 to 100000"));
        }
        if (size < 1 || size > 200) {
            return Mono.error(Problems.invalid("size", "must be 1 to 200"));
        }
        return retailers.list(shop, area, route, q, page, size);
    }

    @GetMapping("/{id}")
    @Operation(operationId = "getRetailer", summary = "A retailer with what it owes now (owner, manager, auditor); ETag for a later change")
    @ApiResponse(responseCode = "404", description = "No such retailer in this shop")
    public Mono<ResponseEntity<Retailer>> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return retailers.get(me.requireShop(), id).map(r -> ResponseEntity.ok().eTag(r.etag()).body(r));
    }

    @PutMapping("/{id}")
    @Operation(operationId = "updateRetailer", summary = "Change a retailer (owner or manager)",
            description = "The code, area, route and credit days are replaced (an absent area or route is cleared; absent credit days "
                    + "are 30); name, phone, GSTIN, state, address, credit limit and notes change the customer only where given, as "
                    + "PATCH /parties/{id} does. Send If-Match with the ETag you read to avoid overwriting a concurrent change.")
    @ApiResponse(responseCode = "200", description = "Changed")
    @ApiResponse(responseCode = "404", description = "No such retailer in this shop")
    @ApiResponse(responseCode = "409", description = "The new code is another retailer's, or the customer was merged")
    @ApiResponse(responseCode = "412", description = "The retailer changed since the ETag was read")
    public Mono<ResponseEntity<Retailer>> update(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                 @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @RequestBody RetailerRequests.UpdateRetailer request) {
        String shop = BookAccess.write(me);
        return retailers.update(shop, id, request, ifMatch).map(r -> ResponseEntity.ok().eTag(r.etag()).body(r));
    }
}
