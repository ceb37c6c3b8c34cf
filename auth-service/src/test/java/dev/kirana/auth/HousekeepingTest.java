package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.auth.config.Housekeeping;
import dev.kirana.auth.demo.DemoSeed;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

class HousekeepingTest extends AuthServiceTest {
    @Autowired
    Housekeeping housekeeping;
    @Autowired
    DatabaseClient db;

    private long count(String sql, UUID id) {
        return db.sql(sql).bind("id", id).map(r -> r.get(0, Long.class)).one().block();
    }

    @Test
    void oldCodesAndDeadSessionsAreForgottenLiveOnesKept() {
        UUID oldCode = UUID.randomUUID();
        db.sql("""
                INSERT INTO otp_challenge (id, destination, channel, purpose, code_hash, max_attempts, created_at, expires_at)
                VALUES (:id, '+910000000000', 'SMS', 'LOGIN', 'x', 5, now() - interval '2 days', now() - interval '2 days')""")
                .bind("id", oldCode).then().block();
        UUID deadFamily = UUID.randomUUID();
        UUID liveFamily = UUID.randomUUID();
        for (UUID family : new UUID[]{deadFamily, liveFamily}) {
            db.sql("""
                    INSERT INTO refresh_token (id, family_id, user_id, auth_method, token_hash, expires_at)
                    VALUES (:id, :family, :user, 'pwd', :hash, now() + CASE WHEN :dead THEN interval '-8 days' ELSE interval '1 day' END)""")
                    .bind("id", UUID.randomUUID()).bind("family", family).bind("user", DemoSeed.OWNER_ID)
                    .bind("hash", UUID.randomUUID().toString()).bind("dead", family == deadFamily).then().block();
        }

        housekeeping.purge();

        assertThat(count("SELECT count(*) FROM otp_challenge WHERE id = :id", oldCode)).isZero();
        assertThat(count("SELECT count(*) FROM refresh_token WHERE family_id = :id", deadFamily)).isZero();
        assertThat(count("SELECT count(*) FROM refresh_token WHERE family_id = :id", liveFamily)).isEqualTo(1);
    }
}
