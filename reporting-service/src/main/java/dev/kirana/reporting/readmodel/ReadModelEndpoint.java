package dev.kirana.reporting.readmodel;

import java.util.Map;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.stereotype.Component;

/**
 * The operator's handle on the read models ({@code /actuator/readmodels} on the management port): GET shows the consumer lag and the last
 * rebuild; POST starts a rebuild from the topics. Answered only to callers on the same host or pod (see
 * {@link LocalOnlyFilter}); the gateway does not route it.
 */
@Component
@Endpoint(id = "readmodels")
public class ReadModelEndpoint {
    private final ReadModelRebuild rebuild;
    private final ConsumerLag lag;

    public ReadModelEndpoint(ReadModelRebuild rebuild, ConsumerLag lag) {
        this.rebuild = rebuild;
        this.lag = lag;
    }

    @ReadOperation
    public Map<String, Object> status() {
        return Map.of("lag", lag.measure(), "rebuild", rebuild.status());
    }

    @WriteOperation
    public Map<String, Object> rebuild() {
        boolean started = rebuild.start();
        return Map.of("started", started, "rebuild", rebuild.status());
    }
}
