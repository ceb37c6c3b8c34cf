package dev.kirana.localstack;

/** Another launcher already runs a stack in the same state directory. */
public class AlreadyRunningException extends StackException {

    private static final long serialVersionUID = 1L;

    public AlreadyRunningException(String message) {
        super(message);
    }
}
