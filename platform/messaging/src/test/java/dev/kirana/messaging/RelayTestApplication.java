package dev.kirana.messaging;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;

/** A second tiny service, with the auto-configured relay running (and no listener). */
@SpringBootConfiguration
@EnableAutoConfiguration
public class RelayTestApplication {
    public static final String NAME = "messaging-relay-test";
}
