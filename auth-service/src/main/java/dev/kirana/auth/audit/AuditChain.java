package dev.kirana.auth.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * The hash chain of a shop's audit trail (pure). A record's hash is SHA-256 over the previous hash and the record's
 * fields, each length-prefixed so that no two different records share a canonical form; a record that another
 * service sent also covers its source service, the actor's role there and a partner client's id.
 */
public final class AuditChain {
    /** The previous hash of a shop's first record. */
    public static final String GENESIS = "0".repeat(64);

    private AuditChain() {
    }

    public static String hash(String previousHash, AuditRecord r) {
        StringBuilder canonical = new StringBuilder();
        for (String field : new String[] {previousHash, r.shopId().toString(), Long.toString(r.seq()), r.at().toString(),
                str(r.actorId()), r.action(), r.entityType(), r.entityId(), str(r.deviceId()), r.ip(), r.before(), r.after()}) {
            if (field == null) {
                canonical.append("-1:");
            } else {
                canonical.append(field.length()).append(':').append(field);
            }
            canonical.append('|');
        }
        // the service that took the action, for records another service sent (auth-service's own records have none,
        // and keep the form they were first chained with)
        if (r.source() != null) {
            for (String field : new String[] {r.source(), r.actorRole(), r.actorClientId()}) {
                canonical.append(field == null ? "-1:" : field.length() + ":" + field).append('|');
            }
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(canonical.toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String str(Object o) {
        return o == null ? null : o.toString();
    }

    /** Where the chain breaks, if it does. */
    public record Break(long seq, String reason) {
    }

    /** Checks records in sequence order: numbering without gaps from 1, each link, each hash. */
    public static Optional<Break> verify(List<AuditRecord> records) {
        String previous = GENESIS;
        long expectedSeq = 1;
        for (AuditRecord r : records) {
            if (r.seq() != expectedSeq) {
                return Optional.of(new Break(expectedSeq, "record " + expectedSeq + " is missing"));
            }
            if (!r.prevHash().equals(previous)) {
                return Optional.of(new Break(r.seq(), "the link to the previous record does not match"));
            }
            String computed = hash(previous, r);
            if (!computed.equals(r.hash())) {
                return Optional.of(new Break(r.seq(), "the record's content does not match its hash"));
            }
            previous = r.hash();
            expectedSeq++;
        }
        return Optional.empty();
    }
}
