package dev.kirana.accounting.expense;

import java.util.Optional;

/**
 * A receipt kept with an expense: a JPEG or PNG photo or a PDF, at most 2 MB. The type is read from the file's first
 * bytes, not taken from what the client claims, so a renamed file of another kind is refused.
 */
public record ReceiptFile(String contentType, String fileName, byte[] bytes) {
    public static final int MAX_BYTES = 2 * 1024 * 1024;

    /** The media type of {@code bytes} when it is a JPEG, PNG or PDF. */
    public static Optional<String> detect(byte[] bytes) {
        if (starts(bytes, 0xFF, 0xD8, 0xFF)) {
            return Optional.of("image/jpeg");
        }
        if (starts(bytes, 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A)) {
            return Optional.of("image/png");
        }
        if (starts(bytes, '%', 'P', 'D', 'F', '-')) {
            return Optional.of("application/pdf");
        }
        return Optional.empty();
    }

    /** Why {@code bytes} cannot be kept as a receipt, if it cannot. */
    public static Optional<String> problem(byte[] bytes) {
        if (bytes.length == 0) {
            return Optional.of("the receipt file is empty");
        }
        if (bytes.length > MAX_BYTES) {
            return Optional.of("the receipt is " + bytes.length + " bytes; at most 2 MB (" + MAX_BYTES + " bytes) is kept");
        }
        if (detect(bytes).isEmpty()) {
            return Optional.of("a receipt is a JPEG or PNG photo or a PDF");
        }
        return Optional.empty();
    }

    private static boolean starts(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xFF) != prefix[i]) {
                return false;
            }
        }
        return true;
    }
}
