package dev.kirana.catalog;

import dev.kirana.catalog.tax.GstRateSchedule;
import java.time.Clock;
import java.time.ZoneId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class CatalogConfiguration {
    /** "Today" for dates of supply and rate changes is the shops' calendar day (India by default). */
    @Bean
    Clock catalogClock(@Value("${kirana.catalog.zone:Asia/Kolkata}") String zone) {
        return Clock.system(ZoneId.of(zone));
    }

    @Bean
    GstRateSchedule gstRateSchedule() {
        return GstRateSchedule.shipped();
    }
}
