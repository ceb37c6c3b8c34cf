package dev.kirana.auth.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.web.security.Access;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Every scope the services' roles-and-scopes matrix names is one a partner's client can be given. */
class ScopesTest {
    @Test
    void theMatrixNamesOnlyGrantableScopes() {
        assertThat(Scopes.ALL).containsAll(Arrays.stream(Access.values()).map(Access::scope).toList());
    }
}
