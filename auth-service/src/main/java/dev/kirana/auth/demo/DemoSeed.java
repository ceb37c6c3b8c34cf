package dev.kirana.auth.demo;

import dev.kirana.auth.shop.Memberships;
import dev.kirana.auth.shop.Shop;
import dev.kirana.auth.shop.ShopRequests;
import dev.kirana.auth.shop.ShopService;
import dev.kirana.auth.user.Passwords;
import dev.kirana.auth.user.User;
import dev.kirana.auth.user.Users;
import dev.kirana.events.EventTypes;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.security.Role;
import java.time.Duration;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * The demo shop the launcher and the README use: "Demo Kirana Store" (Karnataka, INR, regular GST) with an
 * owner and a cashier. Created once at start-up (idempotent, safe with several replicas); its events go
 * through the outbox like any other shop's. Off with {@code KIRANA_DEMO_ENABLED=false}.
 */
@Component
@ConditionalOnProperty(name = "kirana.demo.enabled", havingValue = "true", matchIfMissing = true)
public class DemoSeed implements ApplicationRunner {
    public static final UUID SHOP_ID = UUID.fromString("00000000-0000-4000-a000-000000000001");
    public static final UUID OWNER_ID = UUID.fromString("00000000-0000-4000-a000-0000000000a1");
    public static final UUID CASHIER_ID = UUID.fromString("00000000-0000-4000-a000-0000000000a2");
    public static final String OWNER_EMAIL = "owner@demo.kirana";
    public static final String CASHIER_EMAIL = "cashier@demo.kirana";
    public static final String PASSWORD = "kirana-demo";
    public static final String SHOP_NAME = "Demo Kirana Store";
    private static final Logger log = LoggerFactory.getLogger(DemoSeed.class);

    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final Users users;
    private final Passwords passwords;
    private final ShopService shops;
    private final Memberships memberships;
    private final OutboxWriter outbox;

    public DemoSeed(DatabaseClient db, TransactionalOperator tx, Users users, Passwords passwords, ShopService shops,
                    Memberships memberships, OutboxWriter outbox) {
        this.db = db;
        this.tx = tx;
        this.users = users;
        this.passwords = passwords;
        this.shops = shops;
        this.memberships = memberships;
        this.outbox = outbox;
    }

    @Override
    public void run(ApplicationArguments args) {
        seed().block(Duration.ofSeconds(60));
    }

    public Mono<Void> seed() {
        Mono<Void> work = db.sql("SELECT pg_advisory_xact_lock(hashtext('kirana.demo-seed'))").then()
                .then(account(OWNER_ID, "Demo Owner", OWNER_EMAIL))
                .flatMap(owner -> db.sql("SELECT 1 FROM shop WHERE id = :id").bind("id", SHOP_ID).map(r -> 1).one()
                        .hasElement()
                        .flatMap(exists -> exists ? Mono.empty() : shops.create(SHOP_ID, owner.id(),
                                new ShopRequests.CreateShop(SHOP_NAME, "1 Demo Market Road, Bengaluru", "29", null, "INR", 4,
                                        Shop.RegistrationType.REGULAR))
                                .doOnNext(s -> log.info("demo shop '{}' created ({})", s.name(), s.id()))))
                .then(account(CASHIER_ID, "Demo Cashier", CASHIER_EMAIL))
                .flatMap(cashier -> memberships.add(SHOP_ID, cashier.id(), Role.CASHIER)
                        .flatMap(added -> added ? outbox.append(Topics.SHOP, EventTypes.MEMBER_ADDED, SHOP_ID.toString(), SHOP_ID.toString(),
                                new ShopEvents.MemberAdded(SHOP_ID.toString(), cashier.id().toString(), Role.CASHIER.name())).then()
                                : Mono.empty()))
                .then();
        return tx.transactional(work)
                .doOnSuccess(v -> log.info("demo accounts ready: {} and {} (password {})", OWNER_EMAIL, CASHIER_EMAIL, PASSWORD));
    }

    /** The demo account with this email: created with the demo password if missing, never reset if present. */
    private Mono<User> account(UUID id, String name, String email) {
        return users.byUsername(email)
                .switchIfEmpty(Mono.defer(() -> passwords.hash(PASSWORD)
                        .flatMap(hash -> users.insert(id, name, email, null, hash))
                        .then(users.markVerified(id, true))
                        .then(users.byUsername(email))));
    }
}
