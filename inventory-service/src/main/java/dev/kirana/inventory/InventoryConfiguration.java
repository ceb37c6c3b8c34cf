package dev.kirana.inventory;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
public class InventoryConfiguration {
    /** "Today" for expiry dates is the shops' calendar day (India by default). */
    @Bean
    Clock inventoryClock(@Value("${kirana.inventory.zone:Asia/Kolkata}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }
}
