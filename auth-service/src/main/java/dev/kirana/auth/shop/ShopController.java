package dev.kirana.auth.shop;

import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/shops")
@Tag(name = "Shops", description = "Shops are the unit of isolation: every record in Kirana belongs to one shop")
public class ShopController {
    private final ShopService shops;
    private final ShopAccess access;

    public ShopController(ShopService shops, ShopAccess access) {
        this.shops = shops;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Create a shop; the caller becomes its OWNER",
            description = "The GSTIN, when given, is checked for format, check character and that it belongs to the shop's state. "
                    + "Switch to the new shop (POST /api/v1/auth/switch-shop) to get a token for it.")
    @ApiResponse(responseCode = "201", description = "Created")
    @ApiResponse(responseCode = "400", description = "Invalid fields, e.g. a GSTIN of another state")
    public Mono<ResponseEntity<Shop>> create(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody ShopRequests.CreateShop request) {
        UUID user = ShopAccess.requireUser(me);
        return shops.create(user, request).map(s -> ResponseEntity.created(URI.create("/api/v1/shops/" + s.id()))
                .eTag(s.etag()).body(s));
    }

    @GetMapping
    @Operation(summary = "The shops the caller belongs to, with the caller's role in each (oldest membership first)")
    public Mono<List<Shop>> mine(@AuthenticationPrincipal ShopPrincipal me) {
        return ShopAccess.userId(me).map(u -> shops.mine(u).collectList()).orElse(Mono.just(List.of()));
    }

    @GetMapping("/{shopId}")
    @Operation(summary = "One shop the caller belongs to (404 for any other)")
    public Mono<ResponseEntity<Shop>> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.require(me, shopId).flatMap(m -> shops.get(shopId, m.userId()))
                .map(s -> ResponseEntity.ok().eTag(s.etag()).body(s));
    }

    @PatchMapping("/{shopId}")
    @Operation(summary = "Change a shop's details (owner); send If-Match with the ETag you read to avoid overwriting a concurrent change")
    @ApiResponse(responseCode = "412", description = "The shop changed since the ETag was read")
    public Mono<ResponseEntity<Shop>> update(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                             @RequestHeader(value = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                             @Valid @RequestBody ShopRequests.UpdateShop request) {
        return access.require(me, shopId, Role.OWNER)
                .flatMap(m -> shops.update(shopId, m.userId(), request, ifMatch))
                .map(s -> ResponseEntity.status(HttpStatus.OK).eTag(s.etag()).body(s));
    }
}
