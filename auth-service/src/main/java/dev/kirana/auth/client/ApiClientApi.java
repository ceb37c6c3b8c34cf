package dev.kirana.auth.client;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;

public final class ApiClientApi {

    @Schema(example = """
            {"name":"Tally connector","scopes":["orders:read","accounting:read"]}""")
    public record CreateClient(@NotBlank @Size(max = 80) String name,
                               @NotEmpty @Size(max = 20) @Schema(description = "see the scopes_supported of /.well-known/openid-configuration")
                               List<String> scopes) {
    }

    @Schema(description = "clientSecret is shown once; only a digest is kept.", example = """
            {"clientId":"cli_4mz8q2k7x9p3w6r5t2vn","clientSecret":"Xb9...","name":"Tally connector",
             "scopes":["orders:read","accounting:read"],"shopId":"00000000-0000-4000-a000-000000000001","createdAt":"2026-04-01T10:00:00Z"}""")
    public record CreatedClient(String clientId, String clientSecret, String name, List<String> scopes, String shopId, Instant createdAt) {
    }

    @Schema(example = """
            {"clientId":"cli_4mz8q2k7x9p3w6r5t2vn","name":"Tally connector","scopes":["orders:read","accounting:read"],
             "createdAt":"2026-04-01T10:00:00Z","lastUsedAt":null,"revokedAt":null}""")
    public record Client(String clientId, String name, List<String> scopes, Instant createdAt, Instant lastUsedAt, Instant revokedAt) {
    }

    private ApiClientApi() {
    }
}
