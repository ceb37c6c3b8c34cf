package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.parser.PdfTextExtractor;
import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** A shop's people through the API: attendance marked and punched, a month's salaries from it, paid once. */
class StaffTest extends AuthServiceTest {

    private WebTestClient.ResponseSpec put(String path, String token, Object body) {
        return http.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    private WebTestClient.ResponseSpec get(String path, String token) {
        return http.get().uri(path).headers(h -> h.setBearerAuth(token)).exchange();
    }

    private String employee(Owner owner, Map<String, Object> body) {
        return (String) json(post("/api/v1/shops/" + owner.shopId() + "/employees", owner.token(), body).expectStatus().isCreated()).get("id");
    }

    private void mark(Owner owner, String employee, String day, Map<String, Object> body) {
        put("/api/v1/shops/" + owner.shopId() + "/employees/" + employee + "/attendance/" + day, owner.token(), body).expectStatus().isOk();
    }

    @Test
    void novembersAttendanceBecomesNovembersSalariesPaidOnce() {
        Owner owner = newOwnerWithShop("Staff Store");
        String base = "/api/v1/shops/" + owner.shopId();
        String suresh = employee(owner, Map.of("name", "Suresh Patil", "designation", "Counter assistant", "joinedOn", "2026-04-01",
                "payBasis", "MONTHLY", "rate", "15000.00", "overtimeRate", "80.00", "standardHours", "9"));
        String meena = employee(owner, Map.of("name", "Meena Kale", "joinedOn", "2026-10-15", "payBasis", "DAILY", "rate", "600.00"));

        // Suresh: 1–22 present (the 3rd 09:00–20:30 IST, 2.5 h beyond 9), 23–24 half days, 25–28 weekly offs, 29 leave, 30 unmarked
        for (int d = 1; d <= 22; d++) {
            mark(owner, suresh, "2026-11-%02d".formatted(d), d == 3
                    ? Map.of("status", "PRESENT", "checkIn", "2026-11-03T03:30:00Z", "checkOut", "2026-11-03T15:00:00Z")
                    : Map.of("status", "PRESENT"));
        }
        // the 23rd was marked present, then corrected: the trail keeps both
        mark(owner, suresh, "2026-11-23", Map.of("status", "PRESENT"));
        mark(owner, suresh, "2026-11-23", Map.of("status", "HALF_DAY", "reason", "left at lunch"));
        mark(owner, suresh, "2026-11-24", Map.of("status", "HALF_DAY"));
        for (int d = 25; d <= 28; d++) mark(owner, suresh, "2026-11-%02d".formatted(d), Map.of("status", "WEEKLY_OFF"));
        mark(owner, suresh, "2026-11-29", Map.of("status", "LEAVE"));
        get(base + "/employees/" + suresh + "/attendance/2026-11-23/history", owner.token()).expectStatus().isOk().expectBody()
                .jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].action").isEqualTo("MARKED").jsonPath("$[0].after.status").isEqualTo("PRESENT")
                .jsonPath("$[1].action").isEqualTo("CORRECTED").jsonPath("$[1].before.status").isEqualTo("PRESENT")
                .jsonPath("$[1].after.status").isEqualTo("HALF_DAY").jsonPath("$[1].reason").isEqualTo("left at lunch")
                .jsonPath("$[1].changedBy").isEqualTo(owner.userId());
        // Meena: 20 present and 3 half days from the 2nd
        for (int d = 2; d <= 21; d++) mark(owner, meena, "2026-11-%02d".formatted(d), Map.of("status", "PRESENT"));
        for (int d = 22; d <= 24; d++) mark(owner, meena, "2026-11-%02d".formatted(d), Map.of("status", "HALF_DAY"));

        // an advance of 2,000 to Suresh on the 15th; recovering more than that is refused and pays nothing
        post(base + "/employees/" + suresh + "/advances", owner.token(), Map.of("amount", "2000.00", "paidFrom", "CASH", "paidOn", "2026-11-15"))
                .expectStatus().isCreated().expectBody().jsonPath("$.outstanding").isEqualTo("2000.00");
        post(base + "/salary-runs", owner.token(), Map.of("month", "2026-11", "paidFrom", "CASH",
                "lines", List.of(Map.of("employeeId", suresh, "advances", "2500.00"))))
                .expectStatus().isEqualTo(422).expectBody().jsonPath("$.detail")
                .isEqualTo("Suresh Patil: 2500.00 of advances cannot be recovered; 2000.00 is outstanding");
        get(base + "/salary-runs/2026-11", owner.token()).expectStatus().isNotFound();

        // Suresh: 15,000 × (22 + 1 + 4 = 27) / 30 = 13,500.00 + overtime 2.5 × 80 = 200.00 + bonus 500 − deductions 200 = 14,000.00;
        //         less the 2,000.00 advance: 12,000.00
        // Meena: 600 × (20 + 1.5) = 12,900.00
        // total 26,900.00 gross, 2,000.00 advances, 24,900.00 paid
        post(base + "/salary-runs", owner.token(), Map.of("month", "2026-11", "paidFrom", "CASH", "paidOn", "2026-12-01",
                "lines", List.of(Map.of("employeeId", suresh, "bonus", "500.00", "deductions", "200.00", "advances", "2000.00"))))
                .expectStatus().isCreated().expectBody()
                .jsonPath("$.gross").isEqualTo("26900.00").jsonPath("$.advances").isEqualTo("2000.00").jsonPath("$.net").isEqualTo("24900.00")
                .jsonPath("$.lines[0].name").isEqualTo("Meena Kale").jsonPath("$.lines[0].daysWorked").isEqualTo("21.5")
                .jsonPath("$.lines[0].base").isEqualTo("12900.00").jsonPath("$.lines[0].net").isEqualTo("12900.00")
                .jsonPath("$.lines[1].name").isEqualTo("Suresh Patil").jsonPath("$.lines[1].payableDays").isEqualTo("27.0")
                .jsonPath("$.lines[1].base").isEqualTo("13500.00").jsonPath("$.lines[1].overtimeHours").isEqualTo("2.50")
                .jsonPath("$.lines[1].overtime").isEqualTo("200.00").jsonPath("$.lines[1].gross").isEqualTo("14000.00")
                .jsonPath("$.lines[1].net").isEqualTo("12000.00");
        // paid once
        post(base + "/salary-runs", owner.token(), Map.of("month", "2026-11", "paidFrom", "CASH"))
                .expectStatus().isEqualTo(409).expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        get(base + "/employees/" + suresh + "/advances", owner.token()).expectStatus().isOk().expectBody()
                .jsonPath("$.recovered").isEqualTo("2000.00").jsonPath("$.outstanding").isEqualTo("0.00");

        byte[] pdf = http.get().uri(base + "/salary-runs/2026-11/payslips/" + suresh).headers(h -> h.setBearerAuth(owner.token())).exchange()
                .expectStatus().isOk().expectHeader().contentType(MediaType.APPLICATION_PDF).expectBody(byte[].class).returnResult().getResponseBody();
        try {
            String text = new PdfTextExtractor(new PdfReader(pdf)).getTextFromPage(1);
            assertThat(text).contains("Staff Store").contains("Payslip for November 2026").contains("Suresh Patil")
                    .containsPattern("Gross pay\\s*Rs\\. 14000\\.00").containsPattern("Net pay\\s*Rs\\. 12000\\.00");
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }

        // the books hear of it: the advance and the salaries, each valid against its schema
        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SHOP)) {
            var records = probe.awaitUntil(rs -> rs.stream().anyMatch(r -> EventTypes.SALARY_PAID.equals(TopicProbe.header(r, "ce_type"))
                    && new String(r.value()).contains(owner.shopId())), Duration.ofSeconds(30));
            var validator = new EventSchemaValidator();
            List<CloudEvent> ours = records.stream().map(KiranaEvents::fromRecord)
                    .filter(e -> owner.shopId().equals(KiranaEvents.shopId(e)))
                    .filter(e -> e.getType().startsWith("kirana.salary.")).toList();
            ours.forEach(e -> assertThat(validator.validate(e)).as(e.getType()).isEmpty());
            // keyed by the advance and by the run, so they may sit on different partitions: no order between them
            assertThat(ours).extracting(CloudEvent::getType).containsExactlyInAnyOrder(EventTypes.SALARY_ADVANCE_PAID, EventTypes.SALARY_PAID);
            String paid = new String(ours.stream().filter(e -> EventTypes.SALARY_PAID.equals(e.getType())).findFirst().orElseThrow()
                    .getData().toBytes());
            assertThat(paid).contains("\"month\":\"2026-11\"", "\"paidFrom\":\"CASH\"", "\"gross\":\"26900.00\"", "\"advances\":\"2000.00\"",
                    "\"net\":\"24900.00\"");
        }

        // and the shop's audit trail has the advance and the run
        String trail = get("/api/v1/shops/" + owner.shopId() + "/audit?entityType=salary-run", owner.token()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(trail).contains("\"action\":\"salary.paid\"").contains("\"actorId\":\"" + owner.userId() + "\"")
                .contains("\\\"gross\\\":\\\"26900.00\\\"").contains("\\\"net\\\":\\\"24900.00\\\"");
        String advances = get("/api/v1/shops/" + owner.shopId() + "/audit?action=salary.advance-paid", owner.token()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(advances).contains("\\\"amount\\\":\\\"2000.00\\\"");
    }

    @Test
    void aPairedDeviceChecksEmployeesInAndOutWithTheirPinAndLocksAfterWrongOnes() {
        Owner owner = newOwnerWithShop("Punch Store");
        String base = "/api/v1/shops/" + owner.shopId();
        String ravi = employee(owner, Map.of("name", "Ravi", "joinedOn", "2026-11-01", "payBasis", "HOURLY", "rate", "75.00"));
        String anil = employee(owner, Map.of("name", "Anil", "joinedOn", "2026-11-01", "payBasis", "HOURLY", "rate", "75.00"));
        put(base + "/employees/" + ravi + "/pin", owner.token(), Map.of("pin", "1234")).expectStatus().isBadRequest();   // too easy
        put(base + "/employees/" + ravi + "/pin", owner.token(), Map.of("pin", "4829")).expectStatus().isNoContent();
        put(base + "/employees/" + anil + "/pin", owner.token(), Map.of("pin", "7351")).expectStatus().isNoContent();
        Map<String, Object> pairing = json(post("/api/v1/devices", owner.token(), Map.of("name", "Counter 1")).expectStatus().isCreated());
        Map<String, Object> device = json(post("/api/v1/devices/pair", null, Map.of("pairingToken", pairing.get("pairingToken"))).expectStatus().isOk());

        java.util.function.BiFunction<String, Map<String, String>, WebTestClient.ResponseSpec> punch = (employee, extra) -> {
            Map<String, Object> body = new HashMap<>(Map.of("deviceId", device.get("deviceId"), "deviceSecret", device.get("deviceSecret"),
                    "employeeId", employee));
            body.putAll(extra);
            return post("/api/v1/devices/attendance", null, body);
        };
        // check-out before check-in is refused
        punch.apply(anil, Map.of("pin", "7351", "punch", "CHECK_OUT")).expectStatus().isEqualTo(409)
                .expectBody().jsonPath("$.detail").isEqualTo("Check-out before check-in: there is no check-in today");
        punch.apply(ravi, Map.of("pin", "4829", "punch", "CHECK_IN")).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("PRESENT").jsonPath("$.checkIn").exists().jsonPath("$.checkOut").doesNotExist();
        punch.apply(ravi, Map.of("pin", "4829", "punch", "CHECK_IN")).expectStatus().isEqualTo(409);
        punch.apply(ravi, Map.of("pin", "4829", "punch", "CHECK_OUT")).expectStatus().isOk().expectBody().jsonPath("$.checkOut").exists();
        punch.apply(ravi, Map.of("pin", "4829", "punch", "CHECK_OUT")).expectStatus().isEqualTo(409);

        // wrong PINs: 401s, then the PIN is locked (429) even for the right one
        for (int i = 0; i < 4; i++) {
            punch.apply(anil, Map.of("pin", "0000", "punch", "CHECK_IN")).expectStatus().isUnauthorized();
        }
        punch.apply(anil, Map.of("pin", "0000", "punch", "CHECK_IN")).expectStatus().isEqualTo(429).expectHeader().exists("Retry-After");
        punch.apply(anil, Map.of("pin", "7351", "punch", "CHECK_IN")).expectStatus().isEqualTo(429);
        // a wrong device secret is refused before any PIN is tried
        post("/api/v1/devices/attendance", null, Map.of("deviceId", device.get("deviceId"), "deviceSecret", "wrong", "employeeId", ravi,
                "pin", "4829", "punch", "CHECK_IN")).expectStatus().isUnauthorized()
                .expectBody().jsonPath("$.type").isEqualTo("https://kirana.dev/problems/unknown-device");
    }

    @Test
    void anotherShopsEmployeeIsNotThereAndBadMarksWriteNothing() {
        Owner owner = newOwnerWithShop("Own Store");
        Owner other = newOwnerWithShop("Other Store");
        String asha = employee(owner, Map.of("name", "Asha", "joinedOn", "2026-11-01", "payBasis", "MONTHLY", "rate", "12000"));
        // the other owner names this shop: not a member (404); names their own shop with this employee: no such employee (404)
        get("/api/v1/shops/" + owner.shopId() + "/employees/" + asha, other.token()).expectStatus().isNotFound();
        put("/api/v1/shops/" + other.shopId() + "/employees/" + asha + "/attendance/2026-11-02", other.token(),
                Map.of("status", "PRESENT")).expectStatus().isNotFound();
        // a check-out without a check-in, or before it
        put("/api/v1/shops/" + owner.shopId() + "/employees/" + asha + "/attendance/2026-11-02", owner.token(),
                Map.of("status", "PRESENT", "checkOut", "2026-11-02T12:00:00Z")).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("checkOut");
        put("/api/v1/shops/" + owner.shopId() + "/employees/" + asha + "/attendance/2026-11-02", owner.token(),
                Map.of("status", "PRESENT", "checkIn", "2026-11-02T12:00:00Z", "checkOut", "2026-11-02T11:00:00Z")).expectStatus().isBadRequest();
        put("/api/v1/shops/" + owner.shopId() + "/employees/" + asha + "/attendance/2026-11-02", owner.token(),
                Map.of("status", "ABSENT_WITHOUT_WORD")).expectStatus().isBadRequest();
        get("/api/v1/shops/" + owner.shopId() + "/employees/" + asha + "/attendance?month=2026-11", owner.token()).expectStatus().isOk()
                .expectBody().jsonPath("$.length()").isEqualTo(0);
        get("/api/v1/shops/" + owner.shopId() + "/employees/" + asha + "/attendance?month=2026-13", owner.token()).expectStatus().isBadRequest();
        post("/api/v1/shops/" + owner.shopId() + "/salary-runs", owner.token(), Map.of("month", "2027-01", "paidFrom", "CASH"))
                .expectStatus().isBadRequest();
    }
}
