package dev.kirana.accounting.khata;

import dev.kirana.accounting.party.Parties;
import dev.kirana.accounting.party.Party;
import dev.kirana.accounting.party.PartyKind;
import dev.kirana.accounting.party.PartyNews;
import dev.kirana.accounting.shop.ShopProfiles;
import dev.kirana.events.AccountingEvents;
import dev.kirana.events.EventTypes;
import dev.kirana.sms.SmsSender;
import dev.kirana.web.problem.Problems;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.ErrorResponseException;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Texts a customer what they owe, at most once per party per {@code kirana.khata.reminder-interval}. The check, the
 * reminder row, its event and the text run in one transaction under the party's reminder lock, so of two concurrent
 * requests one sends and the other gets 429; a text the SMS provider refuses leaves nothing recorded.
 */
@Service
public class ReminderService {
    private static final Logger log = LoggerFactory.getLogger(ReminderService.class);
    private final Reminders reminders;
    private final Parties parties;
    private final PartyNews news;
    private final ShopProfiles shops;
    private final SmsSender sms;
    private final TransactionalOperator tx;
    private final Duration interval;

    public ReminderService(Reminders reminders, Parties parties, PartyNews news, ShopProfiles shops, SmsSender sms,
                           TransactionalOperator tx, @Value("${kirana.khata.reminder-interval:24h}") Duration interval) {
        this.reminders = reminders;
        this.parties = parties;
        this.news = news;
        this.shops = shops;
        this.sms = sms;
        this.tx = tx;
        this.interval = interval;
    }

    public Mono<PaymentReminder> remind(String shopId, String by, UUID partyId) {
        Mono<PaymentReminder> work = reminders.lock(shopId, partyId)
                .then(parties.find(shopId, partyId))
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No party " + partyId + " in this shop")))
                .flatMap(party -> {
                    Optional<RuntimeException> no = refusal(party);
                    return no.isPresent() ? Mono.<Party>error(no.get()) : Mono.just(party);
                })
                .flatMap(party -> reminders.waitLeft(shopId, partyId, interval).flatMap(wait -> wait.isZero()
                        ? send(shopId, by, party)
                        : Mono.<PaymentReminder>error(tooSoon(wait))));
        return tx.transactional(work);
    }

    public Mono<List<PaymentReminder>> ofParty(String shopId, UUID partyId) {
        return parties.find(shopId, partyId).switchIfEmpty(Mono.error(() -> Problems.notFound("No party " + partyId + " in this shop")))
                .then(reminders.ofParty(shopId, partyId));
    }

    private Mono<PaymentReminder> send(String shopId, String by, Party party) {
        String phone = ReminderText.e164(party.phone());
        return shops.name(shopId).defaultIfEmpty(ReminderText.UNKNOWN_SHOP).flatMap(shopName -> {
            String text = ReminderText.of(shopName, party.due());
            return reminders.insert(shopId, UUID.randomUUID(), party.id(), party.due(), phone, text, by)
                    .flatMap(r -> news.append(shopId, EventTypes.KHATA_REMINDER_SENT, party.id(),
                                    new AccountingEvents.ReminderSent(r.id().toString(), party.id().toString(), r.amountDue(), phone,
                                            by, r.sentAt()))
                            // last: a refused text rolls the reminder and its event back
                            .then(sms.send(phone, text).subscribeOn(Schedulers.boundedElastic())
                                    .onErrorMap(e -> !(e instanceof ErrorResponseException), e -> {
                                        log.warn("payment reminder to party {} not sent: {}", party.id(), e.toString());
                                        return Problems.of(HttpStatus.BAD_GATEWAY, "sms-not-sent", "SMS not sent",
                                                "The SMS provider did not take the reminder; nothing was recorded, try again later");
                                    }))
                            .thenReturn(r));
        });
    }

    private static Optional<RuntimeException> refusal(Party party) {
        if (party.merged()) {
            return Optional.of(Problems.conflict("This party was merged into " + party.mergedInto() + "; remind that one"));
        }
        if (party.kind() != PartyKind.CUSTOMER) {
            return Optional.of(Problems.unprocessable("reminder-to-supplier",
                    party.name() + " is a supplier: payment reminders go to customers who owe the shop"));
        }
        if (party.phone() == null) {
            return Optional.of(Problems.unprocessable("no-phone", party.name() + " has no phone number to text"));
        }
        if (party.due().signum() <= 0) {
            return Optional.of(Problems.unprocessable("nothing-due", party.advance().signum() > 0
                    ? party.name() + " has paid in advance (" + IndianRupees.format(party.advance()) + "); nothing is due"
                    : party.name() + " owes nothing"));
        }
        return Optional.empty();
    }

    private ErrorResponseException tooSoon(Duration wait) {
        ErrorResponseException e = Problems.of(HttpStatus.TOO_MANY_REQUESTS, "reminder-too-soon", "Reminder sent recently",
                "This customer was reminded within the last " + human(interval) + "; the next reminder may go in " + human(wait),
                Map.of("retryAfterSeconds", wait.toSeconds()));
        e.getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
        return e;
    }

    private static String human(Duration d) {
        long h = d.toHours();
        long m = d.toMinutesPart();
        return h > 0 ? h + " h " + m + " min" : Math.max(1, d.toMinutes() + (d.toSecondsPart() > 0 ? 1 : 0)) + " min";
    }
}
