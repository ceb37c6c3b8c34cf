package dev.kirana.bench;

/**
 * How one request of a phase ended.
 *
 * @param kind                what happened
 * @param httpStatus          HTTP status of the last response, 0 when there was none
 * @param sentNanos           when the request actually left (System.nanoTime), {@link #NONE} if it never did
 * @param acceptedNanos       when a 202 (PENDING) answer arrived, {@link #NONE} if none did
 * @param finishedNanos       when the final state (or the failure) was known
 * @param serverPlacedToFinalMicros the order's own timestamps: placedAt to confirmedAt (or updatedAt), -1 if unknown
 * @param detail              a short description of a failure, for the report's error table
 */
public record Outcome(Kind kind, int httpStatus, long sentNanos, long acceptedNanos, long finishedNanos,
                      long serverPlacedToFinalMicros, String detail) {

    /** "No such instant" for {@code sentNanos} and {@code acceptedNanos} (System.nanoTime may be any long). */
    public static final long NONE = Long.MIN_VALUE;

    public enum Kind {
        /** The order reached CONFIRMED (or the bare-SQL transaction committed). */
        CONFIRMED,
        /** REJECTED: not enough stock (or the conditional reserve updated no row). */
        REJECTED,
        /** Another final state (CANCELLED: the saga timed out). */
        OTHER_FINAL,
        /** Still PENDING when the bench gave up polling. */
        PENDING,
        /** An HTTP status that is not a placed order (4xx/5xx). */
        HTTP_ERROR,
        /** Connection failure or any other exception. */
        IO_ERROR,
        /** No answer within the request timeout. */
        TIMEOUT;

        boolean isFinal() {
            return this == CONFIRMED || this == REJECTED || this == OTHER_FINAL;
        }

        boolean isError() {
            return !isFinal();
        }
    }

    static Outcome failure(Kind kind, int status, long sent, long finished, String detail) {
        return new Outcome(kind, status, sent, NONE, finished, -1, detail);
    }
}
