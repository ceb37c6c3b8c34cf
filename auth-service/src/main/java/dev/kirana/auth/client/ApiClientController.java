package dev.kirana.auth.client;

import dev.kirana.auth.shop.ShopAccess;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
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
@RequestMapping("/api/v1/clients")
@Tag(name = "API clients", description = "Partner integrations of the active shop (OAuth2 client credentials with scopes)")
public class ApiClientController {
    private final ApiClientService clients;
    private final ShopAccess access;

    public ApiClientController(ApiClientService clients, ShopAccess access) {
        this.clients = clients;
        this.access = access;
    }

    @PostMapping
    @Operation(summary = "Create an API client for the active shop (owner); the secret is shown once",
            description = "The client then calls POST /oauth2/token with grant_type=client_credentials.")
    @ApiResponse(responseCode = "201", description = "Created")
    public Mono<ResponseEntity<ApiClientApi.CreatedClient>> create(@AuthenticationPrincipal ShopPrincipal me,
                                                                  @Valid @RequestBody ApiClientApi.CreateClient request) {
        return access.requireActive(me, Role.OWNER)
                .flatMap(m -> clients.create(m.shopId(), m.userId(), request))
                .map(c -> ResponseEntity.created(URI.create("/api/v1/clients/" + c.clientId())).body(c));
    }

    @GetMapping
    @Operation(summary = "The active shop's API clients (owner, auditor)")
    public Mono<List<ApiClientApi.Client>> list(@AuthenticationPrincipal ShopPrincipal me) {
        return access.requireActive(me, Role.OWNER, Role.AUDITOR).flatMap(m -> clients.list(m.shopId()).collectList());
    }

    @DeleteMapping("/{clientId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Revoke an API client (owner): it gets no new tokens; issued ones expire within minutes")
    public Mono<Void> revoke(@AuthenticationPrincipal ShopPrincipal me, @PathVariable String clientId) {
        return access.requireActive(me, Role.OWNER).flatMap(m -> clients.revoke(m.shopId(), clientId, m.userId()));
    }
}
