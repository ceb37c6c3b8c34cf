package dev.kirana.messaging;

import org.springframework.r2dbc.core.DatabaseClient;
import reactor.core.publisher.Mono;

/** The test application's state: rows in {@code test_effects}. */
final class TestEffects {
    static Mono<Void> insert(DatabaseClient db, String eventId, String kind) {
        return db.sql("INSERT INTO test_effects (event_id, kind) VALUES (:id, :kind)")
                .bind("id", eventId)
                .bind("kind", kind)
                .then();
    }

    static long count(DatabaseClient db, String eventId) {
        return db.sql("SELECT count(*) AS n FROM test_effects WHERE event_id = :id")
                .bind("id", eventId)
                .map(r -> r.get("n", Long.class))
                .one()
                .block();
    }

    private TestEffects() {
    }
}
