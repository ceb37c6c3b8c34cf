package dev.kirana.accounting.khata;

import dev.kirana.web.security.Role;
import dev.kirana.web.security.Access;
import dev.kirana.web.security.Allowed;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Allowed(Access.BOOKS)
@RequestMapping("/api/v1/accounting/parties/{partyId}/reminders")
@Tag(name = "Khata reminders", description = "Payment reminders texted to customers who owe the shop")
public class ReminderController {
    private final ReminderService reminders;

    public ReminderController(ReminderService reminders) {
        this.reminders = reminders;
    }

    @PostMapping
    @Operation(summary = "Text a customer what they owe (owner or manager); at most one reminder per party per interval",
            description = "Sends \"<shop name>: ₹<amount due> is due on your account. Please pay at the shop or by UPI.\" through the "
                    + "suite's SMS sender (KIRANA_SMS_PROVIDER) to the customer's phone. At most one per party per "
                    + "kirana.khata.reminder-interval (24 h by default): a second gets 429 with Retry-After. Publishes khata.reminder-sent.")
    @ApiResponse(responseCode = "201", description = "Sent; Location names the party's reminders")
    @ApiResponse(responseCode = "404", description = "No such party in this shop")
    @ApiResponse(responseCode = "409", description = "The party was merged into another")
    @ApiResponse(responseCode = "422", description = "A supplier, a customer without a phone, or a customer who owes nothing or paid in advance")
    @ApiResponse(responseCode = "429", description = "The party was reminded within the interval; Retry-After says in how many seconds")
    @ApiResponse(responseCode = "502", description = "The SMS provider did not take the text; nothing was recorded")
    public Mono<ResponseEntity<PaymentReminder>> remind(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID partyId) {
        String shop = me.require(Role.OWNER, Role.MANAGER).requireShop();
        return reminders.remind(shop, me.subject(), partyId)
                .map(r -> ResponseEntity.created(URI.create("/api/v1/accounting/parties/" + partyId + "/reminders")).body(r));
    }

    @GetMapping
    @Operation(summary = "The payment reminders sent to a party, newest first (owner, manager, auditor)")
    @ApiResponse(responseCode = "404", description = "No such party in this shop")
    public Mono<List<PaymentReminder>> list(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID partyId) {
        String shop = me.requireShop();
        return reminders.ofParty(shop, partyId);
    }
}
