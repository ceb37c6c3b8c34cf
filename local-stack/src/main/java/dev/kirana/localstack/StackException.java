package dev.kirana.localstack;

/** The stack could not be started (or a service could not be restarted); the message says why. */
public class StackException extends Exception {

    private static final long serialVersionUID = 1L;

    public StackException(String message) {
        super(message);
    }

    public StackException(String message, Throwable cause) {
        super(message, cause);
    }
}
