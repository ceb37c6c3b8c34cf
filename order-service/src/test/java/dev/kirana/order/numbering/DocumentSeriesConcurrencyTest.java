package dev.kirana.order.numbering;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.order.OrderServiceTestBase;
import dev.kirana.order.gst.FinancialYear;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Numbers taken by concurrent transactions, some of which roll back, against the real database. */
class DocumentSeriesConcurrencyTest extends OrderServiceTestBase {
    @Autowired
    DocumentSeries series;
    @Autowired
    TransactionalOperator tx;

    @Test
    void concurrentTransactionsThatCommitGetConsecutiveNumbersAndRollbacksLeaveNoGap() {
        String shop = "shop-series-" + UUID.randomUUID();
        FinancialYear fy = FinancialYear.of(LocalDate.of(2026, 11, 21));
        int attempts = 30;
        List<String> committed = Flux.range(0, attempts)
                .flatMap(i -> tx.transactional(series.next(shop, "INV", DocumentSeries.Kind.INVOICE, fy)
                                // every third sale fails after taking its number (e.g. a constraint, a crash): its transaction rolls back
                                .flatMap(n -> i % 3 == 2 ? Mono.<String>error(new IllegalStateException("sale " + i + " failed")) : Mono.just(n)))
                        .onErrorResume(IllegalStateException.class, e -> Mono.empty()), 16)
                .collectList().block();
        assertThat(committed).hasSize(20).doesNotHaveDuplicates();
        assertThat(committed.stream().sorted().toList())
                .isEqualTo(IntStream.rangeClosed(1, 20).mapToObj(n -> String.format("INV/2627/%05d", n)).toList());
        // the next financial year starts again at 1; another series of the same shop is independent
        assertThat(tx.transactional(series.next(shop, "INV", DocumentSeries.Kind.INVOICE, FinancialYear.of(LocalDate.of(2027, 4, 1)))).block())
                .isEqualTo("INV/2728/00001");
        assertThat(tx.transactional(series.next(shop, "CN", DocumentSeries.Kind.CREDIT_NOTE, fy)).block()).isEqualTo("CN/2627/00001");
    }
}
