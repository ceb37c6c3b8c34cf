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
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import org.springframework.web.bind.annotation.DeleteMapping;
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
    private final ShopDeletion deletion;

    public ShopController(ShopService shops, ShopAccess access, ShopDeletion deletion) {
        this.shops = shops;
        this.access = access;
        this.deletion = deletion;
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
    @Operation(summary = "The shops the caller belongs to, with the caller's role in each (oldest membership first)",
            description = "Deleted shops are listed too, with status DELETED and purgeAfter, so that their owner can restore them.")
    public Mono<List<Shop>> mine(@AuthenticationPrincipal ShopPrincipal me) {
        return ShopAccess.userId(me).map(u -> shops.mine(u).collectList()).orElse(Mono.just(List.of()));
    }

    @GetMapping("/{shopId}")
    @Operation(summary = "One shop the caller belongs to (404 for any other); a deleted one with its status and purge date")
    public Mono<ResponseEntity<Shop>> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.requireInAnyState(me, shopId).flatMap(m -> shops.get(shopId, m.userId()))
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

    @DeleteMapping("/{shopId}")
    @Operation(summary = "Delete a shop (owner): soft delete, restorable until purgeAfter, then purged everywhere",
            description = "Needs the shop's name typed back (confirmName) and a full export: a backup of every service that holds "
                    + "the shop's data (catalog, inventory, order, accounting, reporting) taken within the last 24 hours. "
                    + "The shop becomes DELETED: its sessions end, no token is issued for it, and auth-service refuses its members' "
                    + "requests for it (409 shop-deleted); access tokens issued before live out their minutes (15 by default). "
                    + "After purgeAfter (30 days by default) its data is deleted in every service; its audit trail and a tombstone "
                    + "(name, state, GSTIN, dates) are kept.")
    @ApiResponse(responseCode = "200", description = "The shop, DELETED, with deletedAt and purgeAfter")
    @ApiResponse(responseCode = "400", description = "confirmName is not the shop's name")
    @ApiResponse(responseCode = "403", description = "The caller is not the shop's owner")
    @ApiResponse(responseCode = "409", description = "A service's backup is missing or older than 24 hours (type "
            + "https://kirana.dev/problems/export-required, naming them in services), or the shop is deleted already",
            content = @Content(mediaType = "application/problem+json", examples = @ExampleObject(value = """
                    {"type":"https://kirana.dev/problems/export-required","title":"Full export required","status":409,
                     "detail":"Deleting a shop needs a backup of every service that holds its data, taken within the last 24 h; missing or stale: order-service (no backup), reporting-service (no backup). Take them (kirana backup, or POST each service's /backup) and try again.",
                     "services":["order-service","reporting-service"]}""")))
    public Mono<Shop> delete(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                             @Valid @RequestBody ShopRequests.DeleteShop request) {
        return access.requireInAnyState(me, shopId, Role.OWNER).flatMap(m -> deletion.delete(shopId, m.userId(), request.confirmName()));
    }

    @PostMapping("/{shopId}/restore")
    @Operation(summary = "Restore a deleted shop (owner) while its restore window is open",
            description = "The shop is ACTIVE again; members get tokens for it as before (log in or switch shop again: its sessions "
                    + "ended when it was deleted).")
    @ApiResponse(responseCode = "200", description = "The shop, ACTIVE")
    @ApiResponse(responseCode = "403", description = "The caller is not the shop's owner")
    @ApiResponse(responseCode = "409", description = "The shop is not deleted")
    @ApiResponse(responseCode = "410", description = "The restore window closed (purgeAfter passed): the shop is purged or being purged")
    public Mono<Shop> restore(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.requireInAnyState(me, shopId, Role.OWNER).flatMap(m -> deletion.restore(shopId, m.userId()));
    }
}
