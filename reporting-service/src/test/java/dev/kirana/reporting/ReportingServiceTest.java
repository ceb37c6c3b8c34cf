package dev.kirana.reporting;

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
 * reporting-service against the shared test servers, its calendar on a {@link TestClock}: "today" is Friday 20 November
 * 2026, noon in India, for every reporting test.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Inherited
@KiranaServiceTest
@Import(ReportingServiceTest.Calendar.class)
@interface ReportingServiceTest {
    Instant TODAY_NOON_IST = Instant.parse("2026-11-20T06:30:00Z");

    @TestConfiguration(proxyBeanMethods = false)
    class Calendar {
        @Bean
        @Primary
        TestClock reportingTestClock() {
            return TestClock.at(TODAY_NOON_IST, ZoneId.of("Asia/Kolkata"));
        }
    }
}
