package dev.kirana.catalog;

import dev.kirana.testing.KiranaServiceTest;
import dev.kirana.testing.TestClock;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.time.Instant;
import java.time.ZoneId;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

/**
 * catalog-service against the shared test servers, with its calendar on a {@link TestClock}: "today" is 1 December
 * 2026 (noon in India) for every catalog test, whatever the wall clock says, until a test moves it.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@KiranaServiceTest
@Import(CatalogServiceTest.Calendar.class)
@interface CatalogServiceTest {
    Instant TODAY_NOON_IST = Instant.parse("2026-12-01T06:30:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class Calendar {
        @Bean
        @Primary
        TestClock catalogTestClock() {
            return TestClock.at(TODAY_NOON_IST, ZoneId.of("Asia/Kolkata"));
        }
    }
}
