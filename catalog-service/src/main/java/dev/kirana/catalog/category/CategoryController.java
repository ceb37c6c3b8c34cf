package dev.kirana.catalog.category;

import dev.kirana.catalog.product.EntityTags;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.CATALOG)
@RequestMapping("/api/v1/categories")
@Tag(name = "Categories")
public class CategoryController {
    private final CategoryService categories;

    public CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    @PostMapping
    @Operation(summary = "Create a category, at the top or under a parent (owner or manager); up to 6 levels")
    public Mono<ResponseEntity<Category>> create(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody CategoryRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return categories.create(shop, request).map(c -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/categories/" + c.id())).eTag("\"" + c.version() + "\"").body(c));
    }

    @GetMapping
    @Operation(summary = "Every category of the shop, in path order (\"Groceries\", \"Groceries > Staples\", ...)")
    public Mono<List<Category>> list(@AuthenticationPrincipal ShopPrincipal me) {
        return categories.list(me.requireShop()).collectList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One category")
    public Mono<ResponseEntity<Category>> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return categories.get(me.requireShop(), id).map(c -> ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(c));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename and/or move a category with its subtree (owner or manager)",
            description = "Moving a category under itself is a 422. Products in the subtree are republished with their new path.")
    public Mono<ResponseEntity<Category>> update(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody CategoryRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return categories.update(shop, id, request, EntityTags.expectedVersion(ifMatch, false))
                .map(c -> ResponseEntity.ok().eTag("\"" + c.version() + "\"").body(c));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete an empty category (owner or manager); one with subcategories or products is a 409")
    public Mono<ResponseEntity<Void>> delete(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return categories.delete(shop, id).thenReturn(ResponseEntity.noContent().build());
    }
}
