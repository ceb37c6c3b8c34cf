package dev.kirana.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.kirana.localstack.KiranaStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * The demo owner signs in to the console in a real browser, and the browser harness itself works: screenshots, the console
 * log failing a step on a JS error, going offline and back, and the page-weight measurement.
 */
@Order(10)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ConsoleSmokeIT {
    static Browser browser;
    static String gateway;

    @BeforeAll
    static void start() {
        browser = Browser.start("smoke");
        if (browser == null) {
            return; // no Chromium here: each test is skipped, and the suite is not started for nothing
        }
        KiranaStack stack = SuiteUnderTest.get();
        gateway = stack.gatewayUrl();
    }

    @org.junit.jupiter.api.extension.RegisterExtension
    static final org.junit.jupiter.api.extension.TestWatcher EVIDENCE = Browser.evidenceOnFailure(() -> browser);

    @BeforeEach
    void needsABrowser() {
        Browser.assumeAvailable();
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    @Order(1)
    void theDemoOwnerSignsIn() {
        browser.open(gateway + "/console/");
        browser.waitFor(By.id("signin-form"));
        browser.shot("sign-in");
        browser.type(By.id("f-username"), "owner@demo.kirana");
        browser.type(By.id("f-password"), "kirana-demo");
        browser.click(By.id("signin-submit"));
        browser.waitFor(By.id("sign-out"));
        browser.waitForText(By.id("net-status"), "Online");
        browser.shot("signed-in");
        assertThat(browser.driver().getCurrentUrl()).startsWith(gateway + "/console/#/");
    }

    @Test
    @Order(2)
    void aJavaScriptErrorFailsTheStep() {
        browser.js("setTimeout(() => { throw new Error('harness self-test'); }, 0)");
        browser.waitUntil("the error to reach the console log", d ->
                browser.consoleLog().stream().anyMatch(l -> l.contains("harness self-test")) ? true : null);
        // consoleLog() has drained it, so the next step sees it as unreported and fails
        assertThatThrownBy(() -> browser.assertNoConsoleErrors("self-test"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("harness self-test");
    }

    @Test
    @Order(3)
    void thePageGoesOfflineAndComesBack() {
        // what the console's own probe asks (js/offline.js): the gateway's API document, outside /console/ (which the
        // service worker answers from its cache offline)
        browser.goOffline();
        Object offline = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/v3/api-docs', {method: 'HEAD', cache: 'no-store'}).then(r => done('status ' + r.status), e => done('failed'))");
        assertThat(offline).isEqualTo("failed");
        browser.goOnline();
        Object online = browser.driver().executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/v3/api-docs', {method: 'HEAD', cache: 'no-store'}).then(r => done('status ' + r.status), e => done('failed'))");
        assertThat(online).isEqualTo("status 200");
        browser.assertNoConsoleErrors("offline and back");
    }

    @Test
    @Order(4)
    void thePageWeightIsMeasured() {
        Browser.PageWeight w = browser.measureCold("console", gateway + "/console/", By.id("sign-out"));
        assertThat(w.requests()).isPositive();
        assertThat(w.transferBytes()).isPositive();
    }
}
