package dev.kirana.auth.staff;

import dev.kirana.auth.shop.ShopAccess;
import dev.kirana.web.security.Role;
import dev.kirana.web.security.ShopPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@RestController
@Tag(name = "Staff", description = "A shop's employees (with or without a login), attendance and salaries")
public class StaffController {
    private final StaffService staff;
    private final ShopAccess access;

    public StaffController(StaffService staff, ShopAccess access) {
        this.staff = staff;
        this.access = access;
    }

    @GetMapping("/api/v1/shops/{shopId}/employees")
    @Operation(summary = "The shop's employees (owners, managers and auditors)")
    public Mono<List<Employee>> list(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR).then(staff.list(shopId).collectList());
    }

    @PostMapping("/api/v1/shops/{shopId}/employees")
    @Operation(summary = "Add an employee (owner or manager); userId links a member who logs in")
    @ApiResponse(responseCode = "201", description = "Added")
    public Mono<ResponseEntity<Employee>> create(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                 @Valid @RequestBody StaffRequests.EmployeeRequest request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER).then(staff.create(shopId, request))
                .map(e -> ResponseEntity.created(URI.create("/api/v1/shops/" + shopId + "/employees/" + e.id())).body(e));
    }

    @GetMapping("/api/v1/shops/{shopId}/employees/{employeeId}")
    @Operation(summary = "One employee (owners, managers and auditors)")
    public Mono<Employee> get(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable UUID employeeId) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR).then(staff.get(shopId, employeeId));
    }

    @PutMapping("/api/v1/shops/{shopId}/employees/{employeeId}")
    @Operation(summary = "Replace an employee's details and pay (owner or manager); status LEFT when they leave")
    public Mono<Employee> update(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable UUID employeeId,
                                 @Valid @RequestBody StaffRequests.EmployeeRequest request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER).then(staff.update(shopId, employeeId, request));
    }

    @PutMapping("/api/v1/shops/{shopId}/employees/{employeeId}/pin")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Set the PIN (4-6 digits) the employee checks in and out with on a shop device (owner or manager)")
    public Mono<Void> setPin(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable UUID employeeId,
                             @Valid @RequestBody StaffRequests.EmployeePin request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER).then(staff.setPin(shopId, employeeId, request.pin()));
    }

    @PostMapping("/api/v1/devices/attendance")
    @SecurityRequirements
    @Operation(summary = "Check in or out on a paired shop device with the employee's PIN",
            description = "The device authenticates with its id and secret (from pairing). Wrong PINs lock the employee's PIN "
                    + "for a while (429). A second check-in, or a check-out before a check-in, is a 409.")
    @ApiResponse(responseCode = "200", description = "The employee's day as it is now")
    @ApiResponse(responseCode = "401", description = "Unknown device, or wrong employee or PIN")
    @ApiResponse(responseCode = "409", description = "Already checked in (or out), or a check-out before a check-in")
    @ApiResponse(responseCode = "429", description = "Too many wrong PINs; see Retry-After")
    public Mono<AttendanceDay> punch(@Valid @RequestBody StaffRequests.DevicePunch request) {
        return staff.punch(request);
    }

    @GetMapping("/api/v1/shops/{shopId}/employees/{employeeId}/attendance")
    @Operation(summary = "An employee's attendance for a month (owners, managers and auditors)")
    public Mono<List<AttendanceDay>> attendance(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                @PathVariable UUID employeeId,
                                                @Parameter(description = "a month, like 2026-11") @RequestParam String month) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR)
                .then(Mono.defer(() -> staff.attendance(shopId, employeeId, StaffService.month(month))));
    }

    @PutMapping("/api/v1/shops/{shopId}/employees/{employeeId}/attendance/{day}")
    @Operation(summary = "Mark or correct a day (owner or manager): present, half day, leave, holiday or weekly off, with times",
            description = "Every change is kept with who made it, why, and the day before and after (see /history).")
    public Mono<AttendanceDay> mark(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable UUID employeeId,
                                    @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day,
                                    @Valid @RequestBody StaffRequests.AttendanceMark request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER)
                .flatMap(m -> staff.mark(shopId, me.subject(), employeeId, day, request));
    }

    @GetMapping("/api/v1/shops/{shopId}/employees/{employeeId}/attendance/{day}/history")
    @Operation(summary = "Every change to an employee's day, oldest first (owners, managers and auditors)")
    public Mono<List<StaffService.AttendanceChange>> history(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                             @PathVariable UUID employeeId,
                                                             @PathVariable @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate day) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR).then(staff.history(shopId, employeeId, day).collectList());
    }

    @PostMapping("/api/v1/shops/{shopId}/employees/{employeeId}/advances")
    @Operation(summary = "Pay an employee ahead of their salary (owner or manager); a salary run recovers it")
    @ApiResponse(responseCode = "201", description = "Paid: what the employee was advanced and what is outstanding")
    public Mono<ResponseEntity<StaffService.Advances>> payAdvance(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                                  @PathVariable UUID employeeId,
                                                                  @Valid @RequestBody StaffRequests.AdvanceRequest request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER).then(staff.payAdvance(shopId, me.subject(), employeeId, request))
                .map(a -> ResponseEntity.status(HttpStatus.CREATED).body(a));
    }

    @GetMapping("/api/v1/shops/{shopId}/employees/{employeeId}/advances")
    @Operation(summary = "What an employee was advanced, recovered and still owes (owners, managers and auditors)")
    public Mono<StaffService.Advances> advances(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                @PathVariable UUID employeeId) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR).then(staff.advances(shopId, employeeId));
    }

    @PostMapping("/api/v1/shops/{shopId}/salary-runs")
    @Operation(summary = "Pay a month's salaries from attendance (owner or manager); posted to the books as wages",
            description = "Every active employee who had joined by the month's end is paid: monthly rate × payable days ÷ days "
                    + "in the month (present, half days at ½, holidays and weekly offs), daily rate × days worked, or hourly "
                    + "rate × hours; plus overtime beyond the standard day and bonus, less deductions, less advances. "
                    + "A month already paid is a 409.")
    @ApiResponse(responseCode = "201", description = "Paid")
    @ApiResponse(responseCode = "409", description = "The month was already paid")
    public Mono<ResponseEntity<SalaryRun>> pay(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                               @Valid @RequestBody StaffRequests.SalaryRunRequest request) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER).then(Mono.defer(() -> staff.pay(shopId, me.subject(), request)))
                .map(run -> ResponseEntity.created(URI.create("/api/v1/shops/" + shopId + "/salary-runs/" + run.month())).body(run));
    }

    @GetMapping("/api/v1/shops/{shopId}/salary-runs/{month}")
    @Operation(summary = "A month's salaries as paid (owners, managers and auditors)")
    public Mono<SalaryRun> run(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId, @PathVariable String month) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR)
                .then(Mono.defer(() -> staff.run(shopId, StaffService.month(month))));
    }

    @GetMapping(path = "/api/v1/shops/{shopId}/salary-runs/{month}/payslips/{employeeId}", produces = MediaType.APPLICATION_PDF_VALUE)
    @Operation(summary = "An employee's payslip for a paid month, as a PDF (owners, managers and auditors)")
    public Mono<ResponseEntity<byte[]>> payslip(@AuthenticationPrincipal ShopPrincipal me, @PathVariable UUID shopId,
                                                @PathVariable String month, @PathVariable UUID employeeId) {
        return access.require(me, shopId, Role.OWNER, Role.MANAGER, Role.AUDITOR)
                .flatMap(m -> staff.run(shopId, StaffService.month(month)).flatMap(run -> {
                    SalaryRun.Line line = run.lines().stream().filter(l -> l.employeeId().equals(employeeId)).findFirst()
                            .orElseThrow(() -> dev.kirana.web.problem.Problems.notFound("Employee " + employeeId + " was not paid for " + month));
                    return Mono.fromCallable(() -> Payslip.pdf(m.shopName(), run, line)).subscribeOn(Schedulers.boundedElastic());
                }))
                .map(pdf -> ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"payslip-" + month + ".pdf\"").body(pdf));
    }
}
