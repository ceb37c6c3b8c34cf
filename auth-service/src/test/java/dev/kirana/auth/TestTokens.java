package dev.kirana.auth;

import dev.kirana.testing.TestInfrastructure;
import java.time.Duration;

final class TestTokens {
    /** A token of the shared test issuer (trusted by this service in tests) addressed to another audience. */
    static String fromTestIssuerWithAudience(String audience) {
        var jwt = TestInfrastructure.get().jwt();
        return jwt.sign(jwt.claims("u-1", "shop-1", Duration.ofMinutes(5), "OWNER").audience(audience).build());
    }

    private TestTokens() {
    }
}
