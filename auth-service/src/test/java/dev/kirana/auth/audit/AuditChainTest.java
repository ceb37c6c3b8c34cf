package dev.kirana.auth.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditChainTest {
    private static final UUID SHOP = UUID.fromString("11111111-1111-1111-1111-111111111111");
    private static final UUID OWNER = UUID.fromString("22222222-2222-2222-2222-222222222222");
    private static final UUID MEMBER = UUID.fromString("33333333-3333-3333-3333-333333333333");

    private static AuditRecord unsigned(long seq, String prev, String action, String after) {
        return new AuditRecord(SHOP, seq, Instant.parse("2026-12-01T10:00:00Z").plusSeconds(seq - 1), OWNER, action, "member",
                MEMBER.toString(), null, "203.0.113.7", null, after, prev, null);
    }

    private static AuditRecord signed(AuditRecord r) {
        return new AuditRecord(r.shopId(), r.seq(), r.at(), r.actorId(), r.action(), r.entityType(), r.entityId(), r.deviceId(), r.ip(),
                r.before(), r.after(), r.prevHash(), AuditChain.hash(r.prevHash(), r));
    }

    @Test
    void theHashIsSha256OfTheLengthPrefixedFields() {
        // printf '%s' '64:000…0|36:1111…|1:1|20:2026-12-01T10:00:00Z|36:2222…|12:member.added|6:member|36:3333…|-1:|11:203.0.113.7|-1:|18:{"role":"CASHIER"}|' | sha256sum
        assertThat(AuditChain.hash(AuditChain.GENESIS, unsigned(1, AuditChain.GENESIS, "member.added", "{\"role\":\"CASHIER\"}")))
                .isEqualTo("75234bf754434e16edd749572cf081418ad26525f13d8ed4df3380ad47362784");
    }

    private static List<AuditRecord> chain(int n) {
        List<AuditRecord> out = new ArrayList<>();
        String prev = AuditChain.GENESIS;
        for (int i = 1; i <= n; i++) {
            AuditRecord r = signed(unsigned(i, prev, "member.role-changed", "{\"role\":\"R" + i + "\"}"));
            out.add(r);
            prev = r.hash();
        }
        return out;
    }

    @Test
    void anIntactChainVerifies() {
        assertThat(AuditChain.verify(chain(5))).isEmpty();
        assertThat(AuditChain.verify(List.of())).isEmpty();
    }

    @Test
    void aChangedFieldAMissingRowAndAReorderAreEachFound() {
        List<AuditRecord> changed = chain(5);
        AuditRecord r = changed.get(2);
        changed.set(2, new AuditRecord(r.shopId(), r.seq(), r.at(), r.actorId(), r.action(), r.entityType(), r.entityId(), r.deviceId(),
                "198.51.100.1", r.before(), r.after(), r.prevHash(), r.hash()));
        assertThat(AuditChain.verify(changed)).get().extracting(AuditChain.Break::seq).isEqualTo(3L);

        List<AuditRecord> missing = chain(5);
        missing.remove(3);
        assertThat(AuditChain.verify(missing)).get().extracting(AuditChain.Break::seq).isEqualTo(4L);

        // a re-signed row (hash recomputed after the change) still breaks the next link
        List<AuditRecord> resigned = chain(5);
        AuditRecord x = resigned.get(1);
        resigned.set(1, signed(new AuditRecord(x.shopId(), x.seq(), x.at(), x.actorId(), x.action(), x.entityType(), x.entityId(),
                x.deviceId(), x.ip(), x.before(), "{\"role\":\"OWNER\"}", x.prevHash(), null)));
        assertThat(AuditChain.verify(resigned)).get().extracting(AuditChain.Break::seq).isEqualTo(3L);
    }
}
