package dev.kirana.web;

import java.util.function.Supplier;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.core.io.buffer.DataBufferUtils;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Reading an uploaded file or body into memory, bounded: the one way every service takes a file it must read whole. */
public final class Uploads {
    private Uploads() {
    }

    /**
     * All of {@code content} as bytes (empty for an empty body), or the error {@code tooLarge} gives (a 413 problem)
     * as soon as it passes {@code maxBytes}; the buffers are released either way.
     */
    public static Mono<byte[]> readAll(Flux<DataBuffer> content, long maxBytes, Supplier<? extends Throwable> tooLarge) {
        return DataBufferUtils.join(content, (int) Math.min(Integer.MAX_VALUE, maxBytes))
                .map(buffer -> {
                    try {
                        byte[] bytes = new byte[buffer.readableByteCount()];
                        buffer.read(bytes);
                        return bytes;
                    } finally {
                        DataBufferUtils.release(buffer);
                    }
                })
                .defaultIfEmpty(new byte[0])
                .onErrorMap(DataBufferLimitException.class, e -> tooLarge.get());
    }
}
