package dev.kirana.messaging;

import io.r2dbc.spi.R2dbcNonTransientResourceException;
import io.r2dbc.spi.R2dbcTransientException;
import java.net.ConnectException;
import java.nio.channels.ClosedChannelException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Tells a failure of the infrastructure (the database cannot be reached, a connection dropped, a lock or serialization
 * conflict, a timeout while PostgreSQL restarts) from a failure of the record. Retrying the record later fixes the
 * first kind, so such a record is retried until it succeeds — the partition waits, as it must, since nothing after
 * it could be applied either — instead of going to the dead-letter topic after a few quick tries and leaving its
 * effect (a sale's journal entry, a read model's row) missing once the database is back.
 */
public final class Outages {
    private Outages() {
    }

    /** Whether {@code failure}, or anything in its cause chain, is an outage rather than a bad record. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CannotCreateTransactionException || t instanceof DataAccessResourceFailureException
                    || t instanceof TransientDataAccessException || t instanceof R2dbcTransientException
                    || t instanceof R2dbcNonTransientResourceException || t instanceof ConnectException
                    || t instanceof ClosedChannelException || t instanceof TimeoutException
                    || (t instanceof IllegalStateException && t.getMessage() != null && t.getMessage().startsWith("Timeout on blocking read"))) {
                return true;
            }
        }
        return false;
    }

    /** Doubling from {@code first} up to {@code longest} between attempts, with no end. */
    public static BackOff untilBack(Duration first, Duration longest) {
        ExponentialBackOff backOff = new ExponentialBackOff(Math.max(1, first.toMillis()), 2.0);
        backOff.setMaxInterval(Math.max(first.toMillis(), longest.toMillis()));
        return backOff;
    }
}
