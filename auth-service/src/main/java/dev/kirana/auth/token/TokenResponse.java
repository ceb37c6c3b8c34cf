package dev.kirana.auth.token;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/** A login's result: a short-lived access token naming the active shop and the roles in it, and a refresh token. */
@Schema(example = """
        {"accessToken":"eyJraWQiOi...","refreshToken":"q5m0c8...","tokenType":"Bearer","expiresIn":900,
         "shopId":"00000000-0000-4000-a000-000000000001","roles":["OWNER"],"userId":"00000000-0000-4000-a000-0000000000a1"}""")
public record TokenResponse(
        String accessToken,
        String refreshToken,
        @Schema(example = "Bearer") String tokenType,
        @Schema(description = "seconds until the access token expires", example = "900") long expiresIn,
        @Schema(description = "the active shop named by the access token; null when the user belongs to no shop yet")
        String shopId,
        @Schema(description = "the user's roles in the active shop", example = "[\"OWNER\"]") List<String> roles,
        String userId) {
}
