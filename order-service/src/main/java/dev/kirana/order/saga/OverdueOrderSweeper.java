package dev.kirana.order.saga;

import dev.kirana.order.settings.OrderProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Runs the saga's timeout step: cancels orders that stayed PENDING past their deadline (inventory never answered in time). */
@Component
public class OverdueOrderSweeper implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(OverdueOrderSweeper.class);
    private final OrderSaga saga;
    private final OrderProperties props;
    private volatile Disposable loop;

    public OverdueOrderSweeper(OrderSaga saga, OrderProperties props) {
        this.saga = saga;
        this.props = props;
    }

    @Override
    public void start() {
        loop = Flux.interval(props.sweepInterval(), props.sweepInterval())
                .onBackpressureDrop()
                // a sweep that stalls (a lost connection) is abandoned, so the next tick sweeps again
                .concatMap(t -> saga.cancelOverdue(200).timeout(java.time.Duration.ofSeconds(60))
                        .doOnNext(n -> {
                            if (n > 0) {
                                log.info("cancelled {} overdue orders", n);
                            }
                        })
                        .onErrorResume(e -> {
                            log.warn("overdue sweep failed: {}", e.toString());
                            return Mono.empty();
                        }), 1)
                .subscribe();
    }

    @Override
    public void stop() {
        Disposable l = loop;
        if (l != null) {
            l.dispose();
        }
        loop = null;
    }

    @Override
    public boolean isRunning() {
        return loop != null;
    }
}
