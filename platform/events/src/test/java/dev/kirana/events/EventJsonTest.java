package dev.kirana.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class EventJsonTest {
    record Amounts(BigDecimal quantity, BigDecimal total) {
    }

    @Test
    void decimalsArePlainNeverExponents() {
        // what stripTrailingZeros makes of 1000 and 0.00001: BigDecimal.toString would give 1E+3 and 0.00001
        String json = new String(EventJson.write(new Amounts(new BigDecimal("1000").stripTrailingZeros(),
                new BigDecimal("1E+9"))), StandardCharsets.UTF_8);
        assertThat(json).isEqualTo("{\"quantity\":\"1000\",\"total\":\"1000000000\"}");
    }
}
