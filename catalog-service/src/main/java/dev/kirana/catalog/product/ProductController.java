package dev.kirana.catalog.product;

import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Validated
@RequestMapping("/api/v1/products")
@Tag(name = "Products")
public class ProductController {
    private final ProductService products;

    public ProductController(ProductService products) {
        this.products = products;
    }

    @PostMapping
    @Operation(summary = "Create a product (owner or manager)")
    public Mono<ResponseEntity<Product>> create(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody ProductRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return products.create(shop, request)
                .map(p -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/v1/products/" + p.id())).body(p));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One product of the caller's shop")
    public Mono<Product> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return products.get(me.requireShop(), id);
    }

    @GetMapping
    @Operation(summary = "Search by name, SKU or barcode prefix; stable pages ordered by name")
    public Mono<List<Product>> search(@AuthenticationPrincipal ShopPrincipal me,
                                      @RequestParam(required = false) String q,
                                      @RequestParam(defaultValue = "0") @Min(0) int page,
                                      @RequestParam(defaultValue = "50") @Min(1) @Max(500) int size) {
        return products.search(me.requireShop(), q, page, size).collectList();
    }
}
