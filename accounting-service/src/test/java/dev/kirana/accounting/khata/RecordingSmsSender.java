package dev.kirana.accounting.khata;

import dev.kirana.sms.LoggingSmsSender;
import dev.kirana.sms.SmsSender;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The log provider, remembering every text it was given so that tests can read them by phone. A component of the
 * test sources (found by the application's scan), so the service's tests keep sharing one context.
 */
@Component
public class RecordingSmsSender implements SmsSender {
    private final SmsSender log = new LoggingSmsSender();
    private final Map<String, List<String>> sent = new ConcurrentHashMap<>();

    @Override
    public Mono<Void> send(String phone, String text) {
        return log.send(phone, text).then(Mono.fromRunnable(() -> sent.computeIfAbsent(phone, k -> new CopyOnWriteArrayList<>()).add(text)));
    }

    public List<String> to(String phone) {
        return List.copyOf(sent.getOrDefault(phone, List.of()));
    }
}
