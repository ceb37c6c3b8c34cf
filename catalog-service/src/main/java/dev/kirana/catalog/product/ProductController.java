package dev.kirana.catalog.product;

import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
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
@Allowed(Access.CATALOG)
@RequestMapping("/api/v1/products")
@Tag(name = "Products")
public class ProductController {
    public static final String TOTAL_COUNT = "X-Total-Count";
    private final ProductService products;

    public ProductController(ProductService products) {
        this.products = products;
    }

    @PostMapping
    @Operation(summary = "Create a product (owner or manager)",
            description = "SKU and barcode are unique in the shop. Without gstRate the schedule's rate for the HSN code applies.")
    public Mono<ResponseEntity<Product>> create(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody ProductRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return products.create(shop, me.subject(), request)
                .map(p -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/products/" + p.id()))
                        .eTag(p.etag()).body(p));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product of the caller's shop, with its version as ETag", description = "A cashier gets no costPrice (null).")
    public Mono<ResponseEntity<Product>> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return products.get(me.requireShop(), id).map(p -> ResponseEntity.ok().eTag(p.etag()).body(forCaller(me, p)));
    }

    /** A cashier sells at the price; what the product cost is the back office's (costPrice null). */
    private static Product forCaller(ShopPrincipal me, Product p) {
        return me.hasAnyRole(Role.CASHIER) && !me.hasAnyRole(Role.OWNER, Role.MANAGER, Role.AUDITOR) ? p.withoutCost() : p;
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a product's fields (owner or manager); If-Match with the ETag you read is required",
            description = "Publishes product.updated (and price.changed when prices change); the version moves on by one. "
                    + "A stale If-Match is a 412, a missing one a 428. gstRateEffectiveFrom (today or later) dates a new GST rate.")
    public Mono<ResponseEntity<Product>> update(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                @Parameter(description = "the ETag of the version being edited, e.g. \"3\"")
                                                @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                @Valid @RequestBody ProductRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        Long expected = EntityTags.expectedVersion(ifMatch, true);
        return products.update(shop, me.subject(), id, request, expected).map(p -> ResponseEntity.ok().eTag(p.etag()).body(p));
    }

    @PostMapping("/{id}/archive")
    @Operation(summary = "Archive a product: no longer sold, received or counted (owner or manager); publishes product.archived")
    public Mono<ResponseEntity<Product>> archive(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return products.setActive(shop, me.subject(), id, false, EntityTags.expectedVersion(ifMatch, false))
                .map(p -> ResponseEntity.ok().eTag(p.etag()).body(p));
    }

    @PostMapping("/{id}/unarchive")
    @Operation(summary = "Bring an archived product back (owner or manager)")
    public Mono<ResponseEntity<Product>> unarchive(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                   @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return products.setActive(shop, me.subject(), id, true, EntityTags.expectedVersion(ifMatch, false))
                .map(p -> ResponseEntity.ok().eTag(p.etag()).body(p));
    }

    @GetMapping
    @Operation(summary = "Search by a prefix of the name (or a word in it), SKU or barcode; filter by category (with subcategories) and active state",
            description = "Stable pages ordered by name then id; X-Total-Count gives the number of matches. A cashier gets no costPrice (null).")
    public Mono<ResponseEntity<List<Product>>> search(@AuthenticationPrincipal ShopPrincipal me,
                                                      @RequestParam(required = false) String q,
                                                      @RequestParam(required = false) UUID categoryId,
                                                      @Parameter(description = "true: only active, false: only archived, absent: both")
                                                      @RequestParam(required = false) Boolean active,
                                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return products.search(me.requireShop(), new ProductQuery(q, categoryId, active), page, size)
                .map(r -> ResponseEntity.ok().header(TOTAL_COUNT, Long.toString(r.total()))
                        .body(r.products().stream().map(p -> forCaller(me, p)).toList()));
    }

    @GetMapping("/{id}/price-history")
    @Allowed(Access.CATALOG_BACK_OFFICE)
    @Operation(summary = "Every price the product had, newest first: old and new values, who changed them and how")
    public Mono<List<PriceChange>> priceHistory(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return products.priceHistory(me.requireShop(), id).collectList();
    }

    @GetMapping("/{id}/tax-rate")
    @Operation(summary = "The product's GST rate for a date of supply (default today)",
            description = "Old dates keep old rates: the schedule's rows for the HSN code and the rates the shop set on the product, each from a date.")
    public Mono<ProductService.TaxRateOnDate> taxRate(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return products.taxRate(me.requireShop(), id, date);
    }
}
