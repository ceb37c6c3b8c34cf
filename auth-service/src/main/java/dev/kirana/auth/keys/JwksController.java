package dev.kirana.auth.keys;

import dev.kirana.auth.config.AuthProperties;
import dev.kirana.auth.client.Scopes;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** Where resource servers (every Kirana service, the gateway, partners) find the issuer's public keys. */
@RestController
@Tag(name = "Discovery", description = "JWKS and OpenID Connect / OAuth2 authorization-server metadata")
@SecurityRequirements
public class JwksController {
    private final SigningKeys keys;
    private final AuthProperties props;

    public JwksController(SigningKeys keys, AuthProperties props) {
        this.keys = keys;
        this.props = props;
    }

    @GetMapping(value = "/oauth2/jwks", produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Public signing keys (JWK Set): the current key and recently retired ones")
    public Mono<ResponseEntity<Map<String, Object>>> jwks() {
        return keys.jwks().map(set -> ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                .body(set.toJSONObject(true)));
    }

    @GetMapping(value = {"/.well-known/openid-configuration", "/.well-known/oauth-authorization-server"},
            produces = MediaType.APPLICATION_JSON_VALUE)
    @Operation(summary = "Issuer metadata (OpenID Connect discovery / RFC 8414)")
    public Map<String, Object> discovery() {
        String issuer = props.issuer();
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("issuer", issuer);
        doc.put("jwks_uri", issuer + "/oauth2/jwks");
        doc.put("token_endpoint", issuer + "/oauth2/token");
        doc.put("grant_types_supported", List.of("client_credentials"));
        doc.put("token_endpoint_auth_methods_supported", List.of("client_secret_basic", "client_secret_post"));
        doc.put("response_types_supported", List.of("token"));
        doc.put("subject_types_supported", List.of("public"));
        doc.put("id_token_signing_alg_values_supported", List.of("RS256"));
        doc.put("token_endpoint_auth_signing_alg_values_supported", List.of("RS256"));
        doc.put("scopes_supported", Scopes.ALL);
        doc.put("claims_supported", List.of("iss", "sub", "aud", "exp", "iat", "nbf", "jti", "shop_id", "roles",
                "scope", "client_id", "amr", "sid", "device_id"));
        doc.put("service_documentation", issuer + "/swagger-ui.html");
        return doc;
    }
}
