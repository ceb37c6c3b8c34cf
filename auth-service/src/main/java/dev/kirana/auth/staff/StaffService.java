package dev.kirana.auth.staff;

import dev.kirana.auth.audit.AuditTrail;
import dev.kirana.auth.device.DeviceService;
import dev.kirana.auth.user.Passwords;
import dev.kirana.auth.user.Users;
import dev.kirana.events.EventTypes;
import dev.kirana.events.PayrollEvents;
import dev.kirana.events.StaffEvents;
import dev.kirana.events.Topics;
import dev.kirana.messaging.OutboxWriter;
import dev.kirana.web.problem.Problems;
import io.r2dbc.spi.Readable;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * A shop's people: employees, their attendance (punched on a paired device with the employee's PIN, or marked and
 * corrected by a manager, every change kept), and the month's salaries computed from it ({@link Payroll}), paid once
 * and posted to the books through {@code kirana.salary.paid.v1}.
 */
@Service
public class StaffService {
    private static final String EMPLOYEE_COLUMNS = """
            id, shop_id, user_id, name, phone, designation, joined_on, pay_basis, rate, overtime_rate, standard_hours, status,
            pin_hash IS NOT NULL AS pin_set""";
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final DatabaseClient db;
    private final TransactionalOperator tx;
    private final AuditTrail audit;
    private final OutboxWriter outbox;
    private final Passwords passwords;
    private final Users users;
    private final DeviceService devices;
    private final Clock clock;

    public StaffService(DatabaseClient db, TransactionalOperator tx, OutboxWriter outbox, Passwords passwords, Users users,
                        DeviceService devices, Clock clock, AuditTrail audit) {
        this.audit = audit;
        this.db = db;
        this.tx = tx;
        this.outbox = outbox;
        this.passwords = passwords;
        this.users = users;
        this.devices = devices;
        this.clock = clock;
    }

    // ---- employees ---------------------------------------------------------------------------------

    public Mono<Employee> create(UUID shopId, StaffRequests.EmployeeRequest r) {
        UUID id = UUID.randomUUID();
        return tx.transactional(linkedMember(shopId, r.userId())
                        .then(bind(db.sql("""
                                INSERT INTO employee (id, shop_id, user_id, name, phone, designation, joined_on, pay_basis, rate,
                                                      overtime_rate, standard_hours, status)
                                VALUES (:id, :shop, :user, :name, :phone, :designation, :joined, :basis, :rate, :ot, :std, :status)"""), id, shopId, r)
                                .then())
                        .then(get(shopId, id)).flatMap(this::published))
                .onErrorMap(DuplicateKeyException.class, e -> Problems.conflict("That member is already another employee of this shop"));
    }

    public Mono<Employee> update(UUID shopId, UUID id, StaffRequests.EmployeeRequest r) {
        return tx.transactional(get(shopId, id)
                        .flatMap(before -> linkedMember(shopId, r.userId()))
                        .then(bind(db.sql("""
                                UPDATE employee SET user_id = :user, name = :name, phone = :phone, designation = :designation,
                                       joined_on = :joined, pay_basis = :basis, rate = :rate, overtime_rate = :ot, standard_hours = :std,
                                       status = :status
                                WHERE id = :id AND shop_id = :shop"""), id, shopId, r).then())
                        .then(get(shopId, id)).flatMap(this::published))
                .onErrorMap(DuplicateKeyException.class, e -> Problems.conflict("That member is already another employee of this shop"));
    }

    /** The employee as it now is, to the shop topic in the change's transaction (reporting names and links its people by it). */
    private Mono<Employee> published(Employee e) {
        return outbox.append(Topics.SHOP, EventTypes.EMPLOYEE_UPDATED, e.id().toString(), e.shopId().toString(),
                new StaffEvents.EmployeeUpdated(e.id().toString(), e.shopId().toString(), e.userId() == null ? null : e.userId().toString(),
                        e.name(), e.designation(), e.status())).thenReturn(e);
    }

    private static DatabaseClient.GenericExecuteSpec bind(DatabaseClient.GenericExecuteSpec spec, UUID id, UUID shopId,
                                                          StaffRequests.EmployeeRequest r) {
        spec = spec.bind("id", id).bind("shop", shopId).bind("name", r.name().strip()).bind("joined", r.joinedOn())
                .bind("basis", r.payBasis().name()).bind("rate", r.rate())
                .bind("std", r.standardHours() == null ? new BigDecimal("9") : r.standardHours())
                .bind("status", r.status() == null ? "ACTIVE" : r.status());
        spec = r.userId() == null ? spec.bindNull("user", UUID.class) : spec.bind("user", r.userId());
        spec = r.phone() == null ? spec.bindNull("phone", String.class) : spec.bind("phone", r.phone());
        spec = r.designation() == null ? spec.bindNull("designation", String.class) : spec.bind("designation", r.designation().strip());
        return r.overtimeRate() == null ? spec.bindNull("ot", BigDecimal.class) : spec.bind("ot", r.overtimeRate());
    }

    /** A login linked to an employee must be a member of the same shop. */
    private Mono<Void> linkedMember(UUID shopId, UUID userId) {
        if (userId == null) return Mono.empty();
        return db.sql("SELECT 1 FROM membership WHERE shop_id = :shop AND user_id = :user").bind("shop", shopId).bind("user", userId)
                .map(r -> 1).one()
                .switchIfEmpty(Mono.error(Problems.invalid("userId", "is not a member of this shop")))
                .then();
    }

    public Mono<Employee> get(UUID shopId, UUID id) {
        return db.sql("SELECT " + EMPLOYEE_COLUMNS + " FROM employee WHERE id = :id AND shop_id = :shop").bind("id", id).bind("shop", shopId)
                .map(StaffService::employee).one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("No employee " + id + " in this shop")));
    }

    public Flux<Employee> list(UUID shopId) {
        return db.sql("SELECT " + EMPLOYEE_COLUMNS + " FROM employee WHERE shop_id = :shop ORDER BY status, name, id").bind("shop", shopId)
                .map(StaffService::employee).all();
    }

    public Mono<Void> setPin(UUID shopId, UUID id, String pin) {
        passwords.checkPin("pin", pin);
        return get(shopId, id).then(passwords.hash(pin))
                .flatMap(hash -> db.sql("UPDATE employee SET pin_hash = :hash, failed_pins = 0, pin_locked_until = NULL WHERE id = :id")
                        .bind("hash", hash).bind("id", id).then());
    }

    private static Employee employee(Readable r) {
        return new Employee(r.get("id", UUID.class), r.get("shop_id", UUID.class), r.get("user_id", UUID.class),
                r.get("name", String.class), r.get("phone", String.class), r.get("designation", String.class),
                r.get("joined_on", LocalDate.class), PayBasis.valueOf(r.get("pay_basis", String.class)),
                r.get("rate", BigDecimal.class), r.get("overtime_rate", BigDecimal.class), r.get("standard_hours", BigDecimal.class),
                r.get("status", String.class), Boolean.TRUE.equals(r.get("pin_set", Boolean.class)));
    }

    // ---- attendance --------------------------------------------------------------------------------

    /**
     * An employee checks in or out on a paired device of their shop with their PIN. Wrong PINs lock the employee's PIN
     * for a while (the same lock-out as members' PIN login); an employee of another shop is a wrong PIN, never a hint.
     */
    public Mono<AttendanceDay> punch(StaffRequests.DevicePunch r) {
        return devices.shopOf(r.deviceId(), r.deviceSecret()).flatMap(shopId -> db.sql("""
                                SELECT id, pin_hash, pin_locked_until FROM employee
                                WHERE id = :id AND shop_id = :shop AND status = 'ACTIVE'""")
                        .bind("id", r.employeeId()).bind("shop", shopId)
                        .map(row -> new Object[]{row.get("pin_hash", String.class), row.get("pin_locked_until", OffsetDateTime.class)})
                        .one()
                        .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                        .flatMap(found -> {
                            if (found.isEmpty() || found.get()[0] == null) {
                                return passwords.matches(r.pin(), null).then(Mono.error(DeviceService.wrongPin()));
                            }
                            OffsetDateTime lockedUntil = (OffsetDateTime) found.get()[1];
                            Instant now = clock.instant();
                            if (lockedUntil != null && lockedUntil.toInstant().isAfter(now)) {
                                return Mono.error(DeviceService.pinLocked(java.time.Duration.between(now, lockedUntil.toInstant())));
                            }
                            return passwords.matches(r.pin(), (String) found.get()[0]).flatMap(ok -> ok
                                    ? users.clearEmployeePinFailures(r.employeeId()).then(zone(shopId))
                                    .flatMap(zone -> tx.transactional(punchIn(shopId, r.employeeId(), r.punch(), LocalDate.ofInstant(now, zone), now)))
                                    : users.recordFailedEmployeePin(r.employeeId())
                                    .flatMap(until -> Mono.<AttendanceDay>error(DeviceService.pinLocked(java.time.Duration.between(clock.instant(), until))))
                                    .switchIfEmpty(Mono.error(DeviceService.wrongPin())));
                        }));
    }

    private Mono<AttendanceDay> punchIn(UUID shopId, UUID employeeId, StaffRequests.Punch punch, LocalDate day, Instant now) {
        return lockDay(employeeId, day).map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty()).flatMap(before -> {
            if (punch == StaffRequests.Punch.CHECK_IN) {
                if (before.isPresent() && before.get().checkIn() != null) {
                    return Mono.error(Problems.of(HttpStatus.CONFLICT, "already-checked-in", "Already checked in",
                            "Checked in already today at " + before.get().checkIn()));
                }
                AttendanceDay after = new AttendanceDay(employeeId, day, before.map(AttendanceDay::status).orElse(AttendanceStatus.PRESENT), now, null);
                return write(shopId, before.orElse(null), after, "CHECK_IN", "device", "DEVICE", null);
            }
            if (before.isEmpty() || before.get().checkIn() == null) {
                return Mono.error(Problems.of(HttpStatus.CONFLICT, "not-checked-in", "Not checked in",
                        "Check-out before check-in: there is no check-in today"));
            }
            if (before.get().checkOut() != null) {
                return Mono.error(Problems.of(HttpStatus.CONFLICT, "already-checked-out", "Already checked out",
                        "Checked out already today at " + before.get().checkOut()));
            }
            AttendanceDay after = new AttendanceDay(employeeId, day, before.get().status(), before.get().checkIn(), now);
            return write(shopId, before.get(), after, "CHECK_OUT", "device", "DEVICE", null);
        });
    }

    /** A manager marks or corrects a day; the change, its reason and who made it are kept. */
    public Mono<AttendanceDay> mark(UUID shopId, String actor, UUID employeeId, LocalDate day, StaffRequests.AttendanceMark r) {
        if (r.checkOut() != null && r.checkIn() == null) {
            throw Problems.invalid("checkOut", "a check-out needs a check-in");
        }
        if (r.checkOut() != null && !r.checkOut().isAfter(r.checkIn())) {
            throw Problems.invalid("checkOut", "must be after the check-in");
        }
        if (day.isAfter(LocalDate.now(clock).plusDays(1))) {
            throw Problems.invalid("day", "attendance of days to come is not marked, only leave and holidays planned ahead");
        }
        return get(shopId, employeeId).flatMap(e -> tx.transactional(lockDay(employeeId, day)
                .map(java.util.Optional::of).defaultIfEmpty(java.util.Optional.empty())
                .flatMap(before -> write(shopId, before.orElse(null), new AttendanceDay(employeeId, day, r.status(), r.checkIn(), r.checkOut()),
                        before.isPresent() ? "CORRECTED" : "MARKED", actor, "MANAGER", r.reason()))));
    }

    private Mono<AttendanceDay> lockDay(UUID employeeId, LocalDate day) {
        return db.sql("SELECT employee_id, day, status, check_in, check_out FROM attendance WHERE employee_id = :e AND day = :d FOR UPDATE")
                .bind("e", employeeId).bind("d", day).map(StaffService::attendance).one();
    }

    private Mono<AttendanceDay> write(UUID shopId, AttendanceDay before, AttendanceDay after, String action, String actor,
                                      String source, String reason) {
        var upsert = db.sql("""
                        INSERT INTO attendance (employee_id, day, shop_id, status, check_in, check_out)
                        VALUES (:e, :d, :shop, :status, :in, :out)
                        ON CONFLICT (employee_id, day) DO UPDATE SET status = excluded.status, check_in = excluded.check_in,
                            check_out = excluded.check_out, updated_at = now()""")
                .bind("e", after.employeeId()).bind("d", after.day()).bind("shop", shopId).bind("status", after.status().name());
        upsert = after.checkIn() == null ? upsert.bindNull("in", OffsetDateTime.class) : upsert.bind("in", after.checkIn().atOffset(java.time.ZoneOffset.UTC));
        upsert = after.checkOut() == null ? upsert.bindNull("out", OffsetDateTime.class) : upsert.bind("out", after.checkOut().atOffset(java.time.ZoneOffset.UTC));
        var change = db.sql("""
                        INSERT INTO attendance_change (id, employee_id, day, shop_id, action, changed_by, source, before, after, reason)
                        VALUES (:id, :e, :d, :shop, :action, :by, :source, CAST(:before AS JSONB), CAST(:after AS JSONB), :reason)""")
                .bind("id", UUID.randomUUID()).bind("e", after.employeeId()).bind("d", after.day()).bind("shop", shopId)
                .bind("action", action).bind("by", actor).bind("source", source).bind("after", json(after));
        change = before == null ? change.bindNull("before", String.class) : change.bind("before", json(before));
        change = reason == null ? change.bindNull("reason", String.class) : change.bind("reason", reason);
        return upsert.then().then(change.then()).then(recorded(shopId, after)).thenReturn(after);
    }

    /**
     * The day as it now stands, to the shop topic in the same transaction: its hours and share of a day worked as the
     * payroll counts them ({@link Payroll}), and its version, the number of changes the day has had.
     */
    private Mono<Void> recorded(UUID shopId, AttendanceDay d) {
        boolean worked = d.status().worked;
        BigDecimal hours = worked ? d.forPayroll().hours() : BigDecimal.ZERO;
        BigDecimal days = worked ? d.status().monthlyPaidDay : BigDecimal.ZERO;
        return db.sql("""
                        SELECT e.name, e.user_id,
                               (SELECT count(*) FROM attendance_change c WHERE c.employee_id = e.id AND c.day = :d) AS version
                        FROM employee e WHERE e.id = :e""")
                .bind("e", d.employeeId()).bind("d", d.day())
                .map(r -> new StaffEvents.AttendanceRecorded(d.employeeId().toString(), shopId.toString(),
                        r.get("user_id", UUID.class) == null ? null : r.get("user_id", UUID.class).toString(), r.get("name", String.class),
                        d.day(), d.status().name(), d.checkIn(), d.checkOut(), hours, days, r.get("version", Long.class)))
                .one()
                .flatMap(event -> outbox.append(Topics.SHOP, EventTypes.ATTENDANCE_RECORDED, d.employeeId().toString(), shopId.toString(), event))
                .then();
    }

    private static String json(AttendanceDay d) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", d.status().name());
        m.put("checkIn", d.checkIn() == null ? null : d.checkIn().toString());
        m.put("checkOut", d.checkOut() == null ? null : d.checkOut().toString());
        return JSON.writeValueAsString(m);
    }

    /** A change to an employee's day, oldest first. */
    public record AttendanceChange(String action, String changedBy, String source, Map<String, Object> before,
                                   Map<String, Object> after, String reason, Instant changedAt) {
    }

    @SuppressWarnings("unchecked")
    public Flux<AttendanceChange> history(UUID shopId, UUID employeeId, LocalDate day) {
        return get(shopId, employeeId).thenMany(db.sql("""
                        SELECT action, changed_by, source, before::text AS before, after::text AS after, reason, changed_at
                        FROM attendance_change WHERE employee_id = :e AND day = :d ORDER BY changed_at, id""")
                .bind("e", employeeId).bind("d", day)
                .map(r -> new AttendanceChange(r.get("action", String.class), r.get("changed_by", String.class), r.get("source", String.class),
                        r.get("before", String.class) == null ? null : JSON.readValue(r.get("before", String.class), Map.class),
                        JSON.readValue(r.get("after", String.class), Map.class), r.get("reason", String.class),
                        r.get("changed_at", OffsetDateTime.class).toInstant()))
                .all());
    }

    public Mono<List<AttendanceDay>> attendance(UUID shopId, UUID employeeId, YearMonth month) {
        return get(shopId, employeeId).then(days(employeeId, month));
    }

    private Mono<List<AttendanceDay>> days(UUID employeeId, YearMonth month) {
        return db.sql("SELECT employee_id, day, status, check_in, check_out FROM attendance WHERE employee_id = :e AND day BETWEEN :from AND :to ORDER BY day")
                .bind("e", employeeId).bind("from", month.atDay(1)).bind("to", month.atEndOfMonth())
                .map(StaffService::attendance).all().collectList();
    }

    private static AttendanceDay attendance(Readable r) {
        OffsetDateTime in = r.get("check_in", OffsetDateTime.class);
        OffsetDateTime out = r.get("check_out", OffsetDateTime.class);
        return new AttendanceDay(r.get("employee_id", UUID.class), r.get("day", LocalDate.class),
                AttendanceStatus.valueOf(r.get("status", String.class)), in == null ? null : in.toInstant(), out == null ? null : out.toInstant());
    }

    private Mono<ZoneId> zone(UUID shopId) {
        return db.sql("SELECT time_zone FROM shop WHERE id = :id").bind("id", shopId).map(r -> ZoneId.of(r.get("time_zone", String.class))).one()
                .defaultIfEmpty(ZoneId.of("Asia/Kolkata"));
    }

    // ---- salaries ----------------------------------------------------------------------------------

    /** What an employee was advanced and not yet recovered from a salary. */
    public record Advances(UUID employeeId, BigDecimal advanced, BigDecimal recovered, BigDecimal outstanding) {
    }

    public Mono<Advances> advances(UUID shopId, UUID employeeId) {
        return get(shopId, employeeId).then(db.sql("""
                        SELECT (SELECT COALESCE(sum(amount), 0) FROM salary_advance WHERE employee_id = :e) AS advanced,
                               (SELECT COALESCE(sum(advances), 0) FROM salary_line WHERE employee_id = :e) AS recovered""")
                .bind("e", employeeId)
                .map(r -> {
                    BigDecimal advanced = r.get("advanced", BigDecimal.class).setScale(2);
                    BigDecimal recovered = r.get("recovered", BigDecimal.class).setScale(2);
                    return new Advances(employeeId, advanced, recovered, advanced.subtract(recovered));
                }).one());
    }

    /** Pays an employee ahead of their salary; the books move it from cash or bank to staff advances. */
    public Mono<Advances> payAdvance(UUID shopId, String actor, UUID employeeId, StaffRequests.AdvanceRequest r) {
        UUID id = UUID.randomUUID();
        LocalDate paidOn = r.paidOn() == null ? LocalDate.now(clock) : r.paidOn();
        return get(shopId, employeeId).flatMap(e -> tx.transactional(db.sql("""
                                INSERT INTO salary_advance (id, shop_id, employee_id, amount, paid_on, paid_from, paid_by, note)
                                VALUES (:id, :shop, :e, :amount, :on, :from, :by, :note)""")
                        .bind("id", id).bind("shop", shopId).bind("e", employeeId).bind("amount", r.amount()).bind("on", paidOn)
                        .bind("from", r.paidFrom()).bind("by", actor)
                        .bind("note", r.note() == null ? "" : r.note()).then()
                        .then(outbox.append(Topics.SHOP, EventTypes.SALARY_ADVANCE_PAID, id.toString(), shopId.toString(),
                                new PayrollEvents.AdvancePaid(id.toString(), shopId.toString(), employeeId.toString(), e.name(),
                                        r.amount().setScale(2), paidOn, r.paidFrom())).then())
                        .then(audit.append(shopId, AuditTrail.Entry.of(userId(actor), "salary.advance-paid", "employee", employeeId)
                                .change(null, AuditTrail.json(java.util.Map.of("advanceId", id.toString(), "amount", r.amount().setScale(2).toPlainString(),
                                        "paidFrom", r.paidFrom(), "paidOn", paidOn.toString())))))))
                .then(advances(shopId, employeeId));
    }

    public static YearMonth month(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw Problems.invalid("month", "a month, like 2026-11");
        }
    }

    /**
     * Pays a month's salaries once: every active employee who had joined by the month's end, from their attendance,
     * with the bonuses, deductions and advances given per employee. One transaction writes the run, its lines and
     * {@code kirana.salary.paid.v1}; a month already paid is a 409 and nothing is written.
     */
    public Mono<SalaryRun> pay(UUID shopId, String actor, StaffRequests.SalaryRunRequest r) {
        YearMonth month = month(r.month());
        LocalDate paidOn = r.paidOn() == null ? LocalDate.now(clock) : r.paidOn();
        if (month.atDay(1).isAfter(LocalDate.now(clock))) {
            throw Problems.invalid("month", "salaries are paid for a month that has begun");
        }
        Map<UUID, StaffRequests.SalaryInput> inputs = new HashMap<>();
        for (StaffRequests.SalaryInput in : r.lines() == null ? List.<StaffRequests.SalaryInput>of() : r.lines()) {
            if (inputs.put(in.employeeId(), in) != null) {
                throw Problems.invalid("lines", "employee " + in.employeeId() + " is given twice");
            }
        }
        UUID runId = UUID.randomUUID();
        Mono<SalaryRun> work = db.sql("SELECT pg_advisory_xact_lock(hashtext(:k))").bind("k", "salary-run|" + shopId).then()
                .then(db.sql("SELECT 1 FROM salary_run WHERE shop_id = :shop AND month = :m").bind("shop", shopId).bind("m", month.atDay(1))
                        .map(x -> 1).one().hasElement())
                .flatMap(paid -> paid ? Mono.error(Problems.of(HttpStatus.CONFLICT, "salary-already-paid", "Salaries already paid",
                        "The salaries of " + month + " were already paid")) : Mono.empty())
                .thenMany(db.sql("SELECT " + EMPLOYEE_COLUMNS + " FROM employee WHERE shop_id = :shop AND status = 'ACTIVE' AND joined_on <= :end ORDER BY name, id")
                        .bind("shop", shopId).bind("end", month.atEndOfMonth()).map(StaffService::employee).all())
                .collectList()
                .flatMap(staff -> {
                    for (UUID id : inputs.keySet()) {
                        if (staff.stream().noneMatch(e -> e.id().equals(id))) {
                            return Mono.error(Problems.notFound("No active employee " + id + " in this shop for " + month));
                        }
                    }
                    if (staff.isEmpty()) {
                        return Mono.error(Problems.unprocessable("no-employees", "The shop has no active employees for " + month));
                    }
                    return Flux.fromIterable(staff).concatMap(e -> days(e.id(), month).map(days -> line(month, e, days, inputs.get(e.id())))
                                    .flatMap(l -> l.advances().signum() == 0 ? Mono.just(l) : advances(shopId, e.id()).flatMap(a ->
                                            l.advances().compareTo(a.outstanding()) > 0
                                                    ? Mono.error(Problems.unprocessable("advance-not-outstanding", e.name() + ": "
                                                    + l.advances() + " of advances cannot be recovered; " + a.outstanding() + " is outstanding"))
                                                    : Mono.just(l))))
                            .collectList();
                })
                .flatMap(lines -> {
                    BigDecimal gross = lines.stream().map(SalaryRun.Line::gross).reduce(BigDecimal.ZERO, BigDecimal::add);
                    BigDecimal advances = lines.stream().map(SalaryRun.Line::advances).reduce(BigDecimal.ZERO, BigDecimal::add);
                    SalaryRun run = new SalaryRun(runId, month.toString(), r.paidFrom(), paidOn, actor, gross, advances,
                            gross.subtract(advances), lines);
                    return insert(shopId, run).thenReturn(run);
                });
        return tx.transactional(work);
    }

    private static SalaryRun.Line line(YearMonth month, Employee e, List<AttendanceDay> days, StaffRequests.SalaryInput in) {
        Payroll.Adjustments adj = in == null ? Payroll.Adjustments.NONE : new Payroll.Adjustments(in.bonus(), in.deductions(), in.advances());
        Payroll.Salary s;
        try {
            s = Payroll.of(month, e.terms(), days.stream().map(AttendanceDay::forPayroll).toList(), adj);
        } catch (IllegalArgumentException ex) {
            throw Problems.unprocessable("salary-below-zero", e.name() + ": " + ex.getMessage());
        }
        return new SalaryRun.Line(e.id(), e.name(), e.payBasis(), e.rate(), s.payableDays(), s.daysWorked(), s.hoursWorked(),
                s.overtimeHours(), s.base(), s.overtime(), s.bonus(), s.deductions(), s.gross(), s.advances(), s.net());
    }

    private Mono<Void> insert(UUID shopId, SalaryRun run) {
        Mono<Void> head = db.sql("""
                        INSERT INTO salary_run (id, shop_id, month, paid_from, paid_on, paid_by, gross, advances, net)
                        VALUES (:id, :shop, :month, :from, :on, :by, :gross, :adv, :net)""")
                .bind("id", run.id()).bind("shop", shopId).bind("month", YearMonth.parse(run.month()).atDay(1))
                .bind("from", run.paidFrom()).bind("on", run.paidOn()).bind("by", run.paidBy())
                .bind("gross", run.gross()).bind("adv", run.advances()).bind("net", run.net()).then();
        Mono<Void> lines = Flux.fromIterable(run.lines()).concatMap(l -> db.sql("""
                        INSERT INTO salary_line (run_id, employee_id, employee_name, pay_basis, rate, payable_days, days_worked,
                                                 hours_worked, overtime_hours, base, overtime, bonus, deductions, gross, advances, net)
                        VALUES (:run, :e, :name, :basis, :rate, :payable, :worked, :hours, :oth, :base, :ot, :bonus, :ded, :gross, :adv, :net)""")
                .bind("run", run.id()).bind("e", l.employeeId()).bind("name", l.name()).bind("basis", l.payBasis().name())
                .bind("rate", l.rate()).bind("payable", l.payableDays()).bind("worked", l.daysWorked()).bind("hours", l.hoursWorked())
                .bind("oth", l.overtimeHours()).bind("base", l.base()).bind("ot", l.overtime()).bind("bonus", l.bonus())
                .bind("ded", l.deductions()).bind("gross", l.gross()).bind("adv", l.advances()).bind("net", l.net()).then()).then();
        PayrollEvents.SalaryPaid event = new PayrollEvents.SalaryPaid(run.id().toString(), shopId.toString(), run.month(), run.paidOn(),
                run.paidFrom(), run.gross(), run.advances(), run.net(), run.lines().stream()
                .map(l -> new PayrollEvents.SalaryLine(l.employeeId().toString(), l.name(), l.gross(), l.advances(), l.net())).toList());
        java.util.Map<String, Object> paid = new java.util.LinkedHashMap<>();
        paid.put("month", run.month());
        paid.put("employees", run.lines().size());
        paid.put("gross", run.gross().toPlainString());
        paid.put("advances", run.advances().toPlainString());
        paid.put("net", run.net().toPlainString());
        paid.put("paidFrom", run.paidFrom());
        return head.then(lines).then(outbox.append(Topics.SHOP, EventTypes.SALARY_PAID, run.id().toString(), shopId.toString(), event).then())
                .then(audit.append(shopId, AuditTrail.Entry.of(userId(run.paidBy()), "salary.paid", "salary-run", run.id())
                        .change(null, AuditTrail.json(paid))));
    }

    public Mono<SalaryRun> run(UUID shopId, YearMonth month) {
        return db.sql("SELECT id, month, paid_from, paid_on, paid_by, gross, advances, net FROM salary_run WHERE shop_id = :shop AND month = :m")
                .bind("shop", shopId).bind("m", month.atDay(1))
                .map(r -> new Object[]{r.get("id", UUID.class), r.get("paid_from", String.class), r.get("paid_on", LocalDate.class),
                        r.get("paid_by", String.class), r.get("gross", BigDecimal.class), r.get("advances", BigDecimal.class), r.get("net", BigDecimal.class)})
                .one()
                .switchIfEmpty(Mono.error(() -> Problems.notFound("The salaries of " + month + " have not been paid")))
                .flatMap(h -> db.sql("SELECT * FROM salary_line WHERE run_id = :run ORDER BY employee_name, employee_id").bind("run", h[0])
                        .map(l -> new SalaryRun.Line(l.get("employee_id", UUID.class), l.get("employee_name", String.class),
                                PayBasis.valueOf(l.get("pay_basis", String.class)), l.get("rate", BigDecimal.class),
                                l.get("payable_days", BigDecimal.class), l.get("days_worked", BigDecimal.class), l.get("hours_worked", BigDecimal.class),
                                l.get("overtime_hours", BigDecimal.class), l.get("base", BigDecimal.class), l.get("overtime", BigDecimal.class),
                                l.get("bonus", BigDecimal.class), l.get("deductions", BigDecimal.class), l.get("gross", BigDecimal.class),
                                l.get("advances", BigDecimal.class), l.get("net", BigDecimal.class)))
                        .all().collectList()
                        .map(lines -> new SalaryRun((UUID) h[0], month.toString(), (String) h[1], (LocalDate) h[2], (String) h[3],
                                (BigDecimal) h[4], (BigDecimal) h[5], (BigDecimal) h[6], new ArrayList<>(lines))));
    }

    /** The acting user's id, when the subject is one (a member's token); null otherwise. */
    private static UUID userId(String subject) {
        try {
            return subject == null ? null : UUID.fromString(subject);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
