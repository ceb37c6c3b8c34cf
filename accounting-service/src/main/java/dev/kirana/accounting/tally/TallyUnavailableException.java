package dev.kirana.accounting.tally;

/** The shop's Tally could not give a balance (down, slow, a bad answer, the circuit open) and none was cached. */
public class TallyUnavailableException extends RuntimeException {
    public TallyUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
