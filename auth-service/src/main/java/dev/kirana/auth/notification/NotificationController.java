package dev.kirana.auth.notification;

import dev.kirana.auth.shop.ShopAccess;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@Tag(name = "Notifications", description = "A member's inbox, the shop's notification rules and notices, preferences and the delivery log")
public class NotificationController {
    private final ShopAccess access;
    private final Inbox inbox;
    private final NotificationRules rules;
    private final NotificationPreferences preferences;
    private final Notifier notifier;
    private final Deliveries deliveries;
    private final TransactionalOperator tx;

    public NotificationController(ShopAccess access, Inbox inbox, NotificationRules rules, NotificationPreferences preferences,
                                  Notifier notifier, Deliveries deliveries, TransactionalOperator tx) {
        this.access = access;
        this.inbox = inbox;
        this.rules = rules;
        this.preferences = preferences;
        this.notifier = notifier;
        this.deliveries = deliveries;
        this.tx = tx;
    }

    public record NoticeRequest(@NotBlank @Size(max = 200) String title, @NotBlank @Size(max = 4000) String body, @Size(max = 10) List<@NotNull Role> roles) {
    }

    public record NoticeSent(int recipients) {
    }

    public record Count(long unread) {
    }

    public record MarkedRead(long marked) {
    }

    @GetMapping("/api/v1/shops/{shopId}/notifications")
    @Operation(summary = "My notifications in the shop: unread first, then newest, a page at a time")
    public Mono<Inbox.Page> list(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                 @RequestParam(defaultValue = "false") @Parameter(description = "only unread ones") boolean unread,
                                 @RequestParam(defaultValue = "0") @Parameter(description = "page number, from 0") int page,
                                 @RequestParam(defaultValue = "20") @Parameter(description = "items per page, 1-100") int size) {
        if (page < 0) throw Problems.invalid("page", "must be 0 or more");
        if (size < 1 || size > 100) throw Problems.invalid("size", "must be between 1 and 100");
        return access.require(me, shopId).flatMap(m -> inbox.list(shopId, m.userId(), unread, page, size));
    }

    @GetMapping("/api/v1/shops/{shopId}/notifications/unread-count")
    @Operation(summary = "How many of my notifications in the shop are unread")
    public Mono<Count> unreadCount(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.require(me, shopId).flatMap(m -> inbox.unread(shopId, m.userId())).map(Count::new);
    }

    @PostMapping("/api/v1/shops/{shopId}/notifications/{notificationId}/read")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Mark one of my notifications read")
    @ApiResponse(responseCode = "404", description = "No such notification of mine")
    public Mono<Void> read(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable UUID notificationId) {
        return access.require(me, shopId).flatMap(m -> inbox.markRead(shopId, m.userId(), notificationId));
    }

    @PostMapping("/api/v1/shops/{shopId}/notifications/read-all")
    @Operation(summary = "Mark all my notifications in the shop read")
    public Mono<MarkedRead> readAll(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.require(me, shopId).flatMap(m -> inbox.markAllRead(shopId, m.userId())).map(MarkedRead::new);
    }

    @DeleteMapping("/api/v1/shops/{shopId}/notifications/{notificationId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete one of my notifications")
    @ApiResponse(responseCode = "404", description = "No such notification of mine")
    public Mono<Void> delete(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable UUID notificationId) {
        return access.require(me, shopId).flatMap(m -> inbox.delete(shopId, m.userId(), notificationId));
    }

    @PostMapping("/api/v1/shops/{shopId}/notices")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Post a notice to the shop's members (owner or manager): one inbox item each, for the roles named (all when none)")
    public Mono<NoticeSent> notice(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @Valid @RequestBody NoticeRequest request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER)
                .flatMap(m -> tx.transactional(notifier.notice(shopId, m.userId(), request.title().trim(), request.body().trim(), request.roles())))
                .map(NoticeSent::new);
    }

    @GetMapping("/api/v1/shops/{shopId}/notification-rules")
    @Operation(summary = "Which events notify whom over which channels, for every kind (owners, managers and auditors)",
            description = "A kind the shop has not set shows its default (builtIn true).")
    public Mono<List<NotificationRule>> rules(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR).then(rules.all(shopId));
    }

    @PutMapping("/api/v1/shops/{shopId}/notification-rules")
    @Operation(summary = "Replace the shop's notification rules (owner); a kind not listed goes back to its default",
            description = "Kinds: STOCK_LOW, BATCH_EXPIRING (days), CASH_VARIANCE (minVariance), LARGE_VOID (threshold), LARGE_REFUND (threshold), "
                    + "LOGIN_BURST (failures, windowMinutes), DEVICE_PAIRED, KHATA_REMINDER. Channels: IN_APP (always), EMAIL, SMS, WHATSAPP.")
    @ApiResponse(responseCode = "400", description = "An unknown kind, role or channel, or a bad parameter: the field is named, nothing is written")
    public Mono<List<NotificationRule>> replaceRules(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                     @RequestBody NotificationRules.RulesRequest request) {
        return access.require(me, shopId, Role.OWNER).flatMap(m -> rules.replace(shopId, m.userId(), request));
    }

    @GetMapping("/api/v1/shops/{shopId}/notification-preferences")
    @Operation(summary = "My notification preferences: channels on or off, quiet hours (the shop's local time), language")
    public Mono<NotificationPreferences.Preferences> myPreferences(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.require(me, shopId).flatMap(m -> preferences.of(m.userId()));
    }

    @PutMapping("/api/v1/shops/{shopId}/notification-preferences")
    @Operation(summary = "Replace my notification preferences",
            description = "During quiet hours (e.g. 22:00 to 07:00) non-urgent email, SMS and WhatsApp wait until they end; the inbox is "
                    + "written at once. language: en or hi.")
    public Mono<NotificationPreferences.Preferences> replacePreferences(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                                        @RequestBody NotificationPreferences.PreferencesRequest request) {
        return access.require(me, shopId).flatMap(m -> preferences.replace(m.userId(), request));
    }

    @GetMapping("/api/v1/shops/{shopId}/notifications/deliveries")
    @Operation(summary = "The shop's delivery log, newest first (owner): one row per notification and channel")
    public Mono<List<Deliveries.Delivery>> deliveries(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                      @RequestParam(required = false) Deliveries.Status status,
                                                      @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) throw Problems.invalid("limit", "must be between 1 and 500");
        return access.require(me, shopId, Role.OWNER).then(deliveries.of(shopId, status, limit));
    }

    @GetMapping("/api/v1/shops/{shopId}/notifications/dead-letters")
    @Operation(summary = "Deliveries that failed every attempt (owner), newest first")
    public Mono<List<Deliveries.Delivery>> deadLetters(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                       @RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 500) throw Problems.invalid("limit", "must be between 1 and 500");
        return access.require(me, shopId, Role.OWNER).then(deliveries.of(shopId, Deliveries.Status.DEAD, limit));
    }
}
