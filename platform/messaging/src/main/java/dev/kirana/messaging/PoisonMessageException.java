package dev.kirana.messaging;

/** A message that can never be handled, however often it is retried: it goes straight to the dead-letter topic. */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
