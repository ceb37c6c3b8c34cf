package dev.kirana.auth.member;

import dev.kirana.auth.shop.Membership;
import dev.kirana.auth.shop.Memberships;
import dev.kirana.auth.token.RefreshTokens;
import dev.kirana.auth.user.Passwords;
import dev.kirana.auth.user.User;
import dev.kirana.auth.user.Usernames;
import dev.kirana.auth.user.Users;
import dev.kirana.events.EventTypes;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.auth.audit.AuditTrail;
import dev.kirana.web.problem.Problems;
import dev.kirana.web.security.Role;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Who works in a shop. Owners manage everyone; managers manage cashiers and auditors. A shop always keeps
 * at least one owner. Every change is published (member.added / member.removed) with the change.
 */
@Service
public class MemberService {
    private static final Set<Role> MANAGER_MAY_GRANT = EnumSet.of(Role.CASHIER, Role.AUDITOR);

    private final DatabaseClient db;
    private final Users users;
    private final Memberships memberships;
    private final Passwords passwords;
    private final RefreshTokens refreshTokens;
    private final OutboxWriter outbox;
    private final TransactionalOperator tx;
    private final AuditTrail audit;

    public MemberService(DatabaseClient db, Users users, Memberships memberships, Passwords passwords,
                         RefreshTokens refreshTokens, OutboxWriter outbox, TransactionalOperator tx, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.users = users;
        this.memberships = memberships;
        this.passwords = passwords;
        this.refreshTokens = refreshTokens;
        this.outbox = outbox;
        this.tx = tx;
    }

    public Flux<Member> list(UUID shopId) {
        return db.sql("""
                        SELECT u.id, u.name, u.email, u.phone, m.role, m.created_at FROM membership m JOIN app_user u ON u.id = m.user_id
                        WHERE m.shop_id = :shop ORDER BY m.created_at, u.id""")
                .bind("shop", shopId)
                .map(row -> new Member(row.get("id", UUID.class).toString(), row.get("name", String.class), row.get("email", String.class),
                        row.get("phone", String.class), row.get("role", String.class),
                        row.get("created_at", OffsetDateTime.class).toInstant(), false))
                .all();
    }

    public Mono<Member> add(UUID shopId, Membership actor, MemberRequests.AddMember r) {
        mayGrant(actor, r.role());
        String email = r.email() == null || r.email().isBlank() ? null
                : Usernames.email(r.email()).orElseThrow(() -> Problems.invalid("email", "is not a valid email address"));
        String phone = r.phone() == null || r.phone().isBlank() ? null
                : Usernames.phone(r.phone()).orElseThrow(() -> Problems.invalid("phone", "is not a valid mobile number"));
        if (email == null && phone == null) {
            throw Problems.invalid("email", "an email address or a phone number of the member is required");
        }
        Mono<User> byEmail = email == null ? Mono.empty() : users.byUsername(email);
        Mono<User> byPhone = phone == null ? Mono.empty() : users.byUsername(phone);
        Mono<Member> work = Mono.zip(byEmail.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()),
                        byPhone.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()))
                .flatMap(found -> {
                    var e = found.getT1();
                    var p = found.getT2();
                    if (e.isPresent() && p.isPresent() && !e.get().id().equals(p.get().id())) {
                        return Mono.error(Problems.conflict("The email and the phone number belong to two different accounts"));
                    }
                    var existing = e.or(() -> p);
                    if (existing.isPresent()) {
                        User u = existing.get();
                        return grant(shopId, u.id(), r.role())
                                .thenReturn(new Member(u.id().toString(), u.name(), u.email(), u.phone(), r.role().name(), null, false));
                    }
                    if (r.name() == null || r.name().isBlank()) {
                        return Mono.error(Problems.invalid("name", "is required to create the member's account"));
                    }
                    UUID id = UUID.randomUUID();
                    Mono<String> hash = r.initialPassword() == null || r.initialPassword().isBlank() ? Mono.empty()
                            : Mono.fromRunnable(() -> passwords.checkStrength("initialPassword", r.initialPassword(), email, phone))
                            .then(passwords.hash(r.initialPassword()));
                    return hash.map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                            .flatMap(h -> users.insert(id, r.name().trim(), email, phone, h.orElse(null)))
                            .then(grant(shopId, id, r.role()))
                            .thenReturn(new Member(id.toString(), r.name().trim(), email, phone, r.role().name(), null, true));
                })
                .flatMap(m -> memberships.in(shopId, UUID.fromString(m.userId()))
                        .map(ms -> new Member(m.userId(), m.name(), m.email(), m.phone(), m.role(), ms.since(), m.accountCreated())))
                .flatMap(m -> audit.append(shopId, AuditTrail.Entry.of(actor.userId(), "member.added", "member", m.userId())
                        .change(null, role(m.role()))).thenReturn(m));
        return tx.transactional(work);
    }

    private Mono<Void> grant(UUID shopId, UUID userId, Role role) {
        return memberships.add(shopId, userId, role)
                .flatMap(added -> added ? memberAdded(shopId, userId, role)
                        : Mono.error(Problems.conflict("This person is already a member of the shop; change their role instead")));
    }

    public Mono<Member> changeRole(UUID shopId, Membership actor, UUID userId, Role role) {
        Mono<Member> work = target(shopId, userId).flatMap(current -> {
            mayManage(actor, current);
            mayGrant(actor, role);
            if (current.role() == role) {
                return Mono.just(current);
            }
            Mono<Void> keepOwner = current.role() == Role.OWNER ? requireAnotherOwner(shopId, userId) : Mono.empty();
            return keepOwner
                    .then(db.sql("UPDATE membership SET role = :role WHERE shop_id = :shop AND user_id = :user")
                            .bind("role", role.name()).bind("shop", shopId).bind("user", userId).then())
                    .then(memberAdded(shopId, userId, role))
                    .then(audit.append(shopId, AuditTrail.Entry.of(actor.userId(), "member.role-changed", "member", userId)
                            .change(role(current.role()), role(role.name()))))
                    .thenReturn(current);
        }).then(list(shopId).filter(m -> m.userId().equals(userId.toString())).next());
        return tx.transactional(work);
    }

    /** Removes a member (or lets a member leave) and ends their sessions in the shop. */
    public Mono<Void> remove(UUID shopId, Membership actor, UUID userId) {
        Mono<Void> work = target(shopId, userId).flatMap(current -> {
            if (!actor.userId().equals(userId)) {
                mayManage(actor, current);
            }
            Mono<Void> keepOwner = current.role() == Role.OWNER ? requireAnotherOwner(shopId, userId) : Mono.empty();
            return keepOwner
                    .then(db.sql("DELETE FROM membership WHERE shop_id = :shop AND user_id = :user")
                            .bind("shop", shopId).bind("user", userId).then())
                    .then(refreshTokens.revokeInShop(userId, shopId, "membership-ended"))
                    .then(audit.append(shopId, AuditTrail.Entry.of(actor.userId(), actor.userId().equals(userId) ? "member.left" : "member.removed",
                            "member", userId).change(role(current.role()), null)))
                    .then(outbox.append(Topics.SHOP, EventTypes.MEMBER_REMOVED, shopId.toString(), shopId.toString(),
                            new ShopEvents.MemberRemoved(shopId.toString(), userId.toString())))
                    .then();
        });
        return tx.transactional(work);
    }

    private Mono<Membership> target(UUID shopId, UUID userId) {
        return memberships.in(shopId, userId).switchIfEmpty(Mono.error(Problems.notFound("No member " + userId + " in this shop")));
    }

    /** Locks the shop's owner rows so two owners cannot demote each other at the same time. */
    private Mono<Void> requireAnotherOwner(UUID shopId, UUID leaving) {
        return db.sql("SELECT user_id FROM membership WHERE shop_id = :shop AND role = 'OWNER' FOR UPDATE")
                .bind("shop", shopId).map(row -> row.get("user_id", UUID.class)).all()
                .filter(id -> !id.equals(leaving)).hasElements()
                .flatMap(other -> other ? Mono.empty()
                        : Mono.error(Problems.conflict("A shop needs at least one owner; make someone else owner first")));
    }

    private Mono<Void> memberAdded(UUID shopId, UUID userId, Role role) {
        return outbox.append(Topics.SHOP, EventTypes.MEMBER_ADDED, shopId.toString(), shopId.toString(),
                new ShopEvents.MemberAdded(shopId.toString(), userId.toString(), role.name())).then();
    }

    private static void mayGrant(Membership actor, Role role) {
        if (actor.role() == Role.OWNER) return;
        if (actor.role() == Role.MANAGER && MANAGER_MAY_GRANT.contains(role)) return;
        throw Problems.forbidden("As " + actor.role() + " you cannot give the role " + role);
    }

    private static void mayManage(Membership actor, Membership target) {
        if (actor.role() == Role.OWNER) return;
        if (actor.role() == Role.MANAGER && MANAGER_MAY_GRANT.contains(target.role())) return;
        throw Problems.forbidden("As " + actor.role() + " you cannot manage a member who is " + target.role());
    }

    private static String role(Object role) {
        return "{\"role\":\"" + role + "\"}";
    }
}
