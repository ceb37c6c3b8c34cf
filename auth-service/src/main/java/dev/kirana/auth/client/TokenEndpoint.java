package dev.kirana.auth.client;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The OAuth2 token endpoint (RFC 6749 §4.4, client credentials). Errors use the OAuth2 error format, as clients expect. */
@RestController
@Tag(name = "OAuth2")
@SecurityRequirements
public class TokenEndpoint {
    private final ApiClientService clients;

    public TokenEndpoint(ApiClientService clients) {
        this.clients = clients;
    }

    @PostMapping(value = "/oauth2/token", consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE, produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Client-credentials grant for partner API clients",
            description = "Authenticate with HTTP Basic (client_id:client_secret) or client_id/client_secret form fields. "
                    + "Form: grant_type=client_credentials, optional scope (a subset of the client's scopes).")
    @ApiResponse(responseCode = "200", content = @Content(examples = @ExampleObject(value = """
            {"access_token":"eyJraWQiOi...","token_type":"Bearer","expires_in":900,"scope":"orders:read accounting:read"}""")))
    @ApiResponse(responseCode = "401", content = @Content(examples = @ExampleObject(value = """
            {"error":"invalid_client","error_description":"Unknown client, wrong secret or revoked client"}""")))
    public Mono<ResponseEntity<Map<String, Object>>> token(ServerWebExchange exchange) {
        return exchange.getFormData().flatMap(form -> {
            String grantType = form.getFirst("grant_type");
            if (grantType == null) {
                return Mono.just(error(HttpStatus.BAD_REQUEST, "invalid_request", "grant_type is required"));
            }
            if (!"client_credentials".equals(grantType)) {
                return Mono.just(error(HttpStatus.BAD_REQUEST, "unsupported_grant_type", "Only client_credentials is supported here"));
            }
            String[] credentials = credentials(exchange.getRequest().getHeaders().getFirst(HttpHeaders.AUTHORIZATION), form);
            if (credentials == null) {
                return Mono.just(error(HttpStatus.UNAUTHORIZED, "invalid_client", "Client authentication is required"));
            }
            return clients.clientCredentials(credentials[0], credentials[1], form.getFirst("scope"))
                    .map(t -> {
                        Map<String, Object> body = new LinkedHashMap<>();
                        body.put("access_token", t.accessToken());
                        body.put("token_type", "Bearer");
                        body.put("expires_in", t.expiresIn());
                        body.put("scope", t.scope());
                        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
                    })
                    .onErrorResume(ApiClientService.GrantError.class, e -> Mono.just(
                            error(e.clientAuthFailed ? HttpStatus.UNAUTHORIZED : HttpStatus.BAD_REQUEST, e.error, e.getMessage())));
        });
    }

    private static String[] credentials(String authorization, MultiValueMap<String, String> form) {
        if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
            try {
                String decoded = new String(Base64.getDecoder().decode(authorization.substring(6).trim()), StandardCharsets.UTF_8);
                int colon = decoded.indexOf(':');
                if (colon < 0) return null;
                return new String[]{URLDecoder.decode(decoded.substring(0, colon), StandardCharsets.UTF_8),
                        URLDecoder.decode(decoded.substring(colon + 1), StandardCharsets.UTF_8)};
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
        String id = form.getFirst("client_id");
        String secret = form.getFirst("client_secret");
        return id == null || secret == null ? null : new String[]{id, secret};
    }

    private static ResponseEntity<Map<String, Object>> error(HttpStatus status, String error, String description) {
        var builder = ResponseEntity.status(status).cacheControl(CacheControl.noStore());
        if (status == HttpStatus.UNAUTHORIZED) {
            builder.header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"kirana\"");
        }
        return builder.body(Map.of("error", error, "error_description", description));
    }
}
