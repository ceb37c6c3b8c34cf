package dev.kirana.inventory.location;

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
@Allowed(Access.STOCK_LOOKUP)
@RequestMapping("/api/v1/inventory/locations")
@Tag(name = "Locations")
public class LocationController {
    private final LocationService locations;

    public LocationController(LocationService locations) {
        this.locations = locations;
    }

    @GetMapping
    @Operation(summary = "The shop's locations, the default (counter) first")
    public Mono<List<Location>> list(@AuthenticationPrincipal ShopPrincipal me) {
        return locations.list(me.requireShop()).collectList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "One location")
    public Mono<ResponseEntity<Location>> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        return locations.get(me.requireShop(), id).map(l -> ResponseEntity.ok().eTag("\"" + l.version() + "\"").body(l));
    }

    @PostMapping
    @Operation(summary = "Add a location: a counter, godown or warehouse (owner or manager)")
    public Mono<ResponseEntity<Location>> create(@AuthenticationPrincipal ShopPrincipal me, @Valid @RequestBody LocationRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return locations.create(shop, request).map(l -> ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/v1/inventory/locations/" + l.id())).eTag("\"" + l.version() + "\"").body(l));
    }

    @PutMapping("/{id}")
    @Operation(summary = "Rename, re-code or re-kind a location, or make it the default (owner or manager); If-Match optional")
    public Mono<ResponseEntity<Location>> update(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id,
                                                 @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch,
                                                 @Valid @RequestBody LocationRequest request) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return locations.update(shop, id, request, version(ifMatch)).map(l -> ResponseEntity.ok().eTag("\"" + l.version() + "\"").body(l));
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Retire an empty location that is not the default (owner or manager); it stays in the stock history")
    public Mono<ResponseEntity<Void>> retire(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID id) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return locations.retire(shop, id).thenReturn(ResponseEntity.noContent().build());
    }

    private static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || "*".equals(ifMatch.trim())) {
            return null;
        }
        try {
            return Long.parseLong(ifMatch.trim().replace("\"", ""));
        } catch (NumberFormatException e) {
            return -1L;
        }
    }
}
