package dev.kirana.accounting.journal;

import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting")
@Tag(name = "Journal")
public class JournalController {
    private final Journal journal;

    public JournalController(Journal journal) {
        this.journal = journal;
    }

    @GetMapping("/journal")
    @Operation(summary = "Journal lines between two dates (inclusive)")
    public Mono<List<Map<String, Object>>> journal(@AuthenticationPrincipal ShopPrincipal me,
                                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                                                   @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
        if (to.isBefore(from)) {
            return Mono.error(Problems.invalid("to", "must not be before from"));
        }
        return journal.entries(me.requireShop(), from, to).collectList();
    }

    @GetMapping("/khata/{party}")
    @Operation(summary = "A customer's khata: what they owe on credit sales less what was credited back, with its entries")
    public Mono<Journal.Khata> khata(@AuthenticationPrincipal ShopPrincipal me, @PathVariable String party) {
        if (!party.matches("\\+?[0-9]{6,15}|[0-9]{2}[A-Z0-9]{13}")) {
            return Mono.error(Problems.invalid("party", "a phone number or a GSTIN"));
        }
        return journal.khata(me.requireShop(), party);
    }
}
