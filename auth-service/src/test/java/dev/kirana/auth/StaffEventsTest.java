package dev.kirana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.kirana.events.EventSchemaValidator;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import dev.kirana.testing.TopicProbe;
import io.cloudevents.CloudEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.json.JsonMapper;

/**
 * What reporting hears of a shop's people: every employee added or changed, and every day's attendance as it stands
 * after each mark, correction and punch, on the shop topic in the change's own transaction.
 */
class StaffEventsTest extends AuthServiceTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private WebTestClient.ResponseSpec put(String path, String token, Object body) {
        return http.put().uri(path).headers(h -> h.setBearerAuth(token)).contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }

    @Test
    @SuppressWarnings("unchecked")
    void employeesAndTheirDaysArePublishedWithHoursAndVersions() {
        Owner owner = newOwnerWithShop("People Store");
        String base = "/api/v1/shops/" + owner.shopId();
        // Suresh is the owner's own login; Ravi has none
        String suresh = (String) json(post(base + "/employees", owner.token(), Map.of("name", "Suresh Patil", "joinedOn", "2026-11-01",
                "payBasis", "MONTHLY", "rate", "15000.00", "userId", owner.userId())).expectStatus().isCreated()).get("id");
        String ravi = (String) json(post(base + "/employees", owner.token(), Map.of("name", "Ravi", "joinedOn", "2026-11-01",
                "payBasis", "HOURLY", "rate", "75.00")).expectStatus().isCreated()).get("id");
        // a second employee for the same login is refused, and nothing of it is published
        post(base + "/employees", owner.token(), Map.of("name", "Suresh Again", "joinedOn", "2026-11-01", "payBasis", "DAILY",
                "rate", "600.00", "userId", owner.userId())).expectStatus().isEqualTo(409).expectBody().consumeWith(b -> { });
        put(base + "/employees/" + ravi, owner.token(), Map.of("name", "Ravi", "designation", "Stock keeper", "joinedOn", "2026-11-01",
                "payBasis", "HOURLY", "rate", "80.00")).expectStatus().isOk();

        // 18th: 09:00-18:30 IST, 9.5 h; 19th: a half day 09:00-13:00 (4 h) corrected to 09:00-17:30 (8.5 h)
        String days = base + "/employees/" + suresh + "/attendance/";
        put(days + "2026-11-18", owner.token(), Map.of("status", "PRESENT", "checkIn", "2026-11-18T03:30:00Z",
                "checkOut", "2026-11-18T13:00:00Z")).expectStatus().isOk();
        put(days + "2026-11-19", owner.token(), Map.of("status", "HALF_DAY", "checkIn", "2026-11-19T03:30:00Z",
                "checkOut", "2026-11-19T07:30:00Z")).expectStatus().isOk();
        put(days + "2026-11-19", owner.token(), Map.of("status", "PRESENT", "checkIn", "2026-11-19T03:30:00Z",
                "checkOut", "2026-11-19T12:00:00Z", "reason", "stayed till evening")).expectStatus().isOk();
        // a bad mark writes nothing, and publishes nothing
        put(days + "2026-11-20", owner.token(), Map.of("status", "PRESENT", "checkIn", "2026-11-20T12:00:00Z",
                "checkOut", "2026-11-20T11:00:00Z")).expectStatus().isBadRequest().expectBody().consumeWith(b -> { });
        put(base + "/employees/" + ravi + "/attendance/2026-11-19", owner.token(), Map.of("status", "LEAVE")).expectStatus().isOk();

        // Ravi checks in and out on the counter's device today
        put(base + "/employees/" + ravi + "/pin", owner.token(), Map.of("pin", "7351")).expectStatus().isNoContent();
        Map<String, Object> pairing = json(post("/api/v1/devices", owner.token(), Map.of("name", "Counter 1")).expectStatus().isCreated());
        Map<String, Object> device = json(post("/api/v1/devices/pair", null, Map.of("pairingToken", pairing.get("pairingToken"))).expectStatus().isOk());
        for (String punch : List.of("CHECK_IN", "CHECK_OUT")) {
            post("/api/v1/devices/attendance", null, Map.of("deviceId", device.get("deviceId"), "deviceSecret", device.get("deviceSecret"),
                    "employeeId", ravi, "pin", "7351", "punch", punch)).expectStatus().isOk();
        }

        try (var probe = new TopicProbe(TestInfrastructure.get().kafkaBootstrapServers(), Topics.SHOP)) {
            java.util.function.Function<List<org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]>>, List<CloudEvent>> ours =
                    rs -> rs.stream().map(KiranaEvents::fromRecord).filter(e -> owner.shopId().equals(KiranaEvents.shopId(e)))
                            .filter(e -> e.getType().equals(EventTypes.EMPLOYEE_UPDATED) || e.getType().equals(EventTypes.ATTENDANCE_RECORDED))
                            .toList();
            List<CloudEvent> events = ours.apply(probe.awaitUntil(rs -> ours.apply(rs).stream()
                    .filter(e -> e.getType().equals(EventTypes.ATTENDANCE_RECORDED)).count() >= 6, Duration.ofSeconds(30)));
            var validator = new EventSchemaValidator();
            events.forEach(e -> assertThat(validator.validate(e)).as(e.getType()).isEmpty());
            List<Map<String, Object>> employees = events.stream().filter(e -> e.getType().equals(EventTypes.EMPLOYEE_UPDATED))
                    .map(e -> (Map<String, Object>) JSON.readValue(e.getData().toBytes(), Map.class)).toList();
            // Suresh added, Ravi added and changed; never the refused one. One employee's events are keyed by it: in order
            assertThat(employees).extracting(m -> m.get("name")).containsExactlyInAnyOrder("Suresh Patil", "Ravi", "Ravi");
            assertThat(employees.stream().filter(m -> m.get("employeeId").equals(suresh)).findFirst().orElseThrow())
                    .containsEntry("userId", owner.userId()).containsEntry("status", "ACTIVE");
            assertThat(employees.stream().filter(m -> m.get("employeeId").equals(ravi)).toList())
                    .extracting(m -> m.get("designation")).containsExactly(null, "Stock keeper");
            assertThat(employees.stream().filter(m -> m.get("employeeId").equals(ravi)).toList()).allMatch(m -> !m.containsKey("userId"));

            List<Map<String, Object>> attendance = events.stream().filter(e -> e.getType().equals(EventTypes.ATTENDANCE_RECORDED))
                    .peek(e -> assertThat(e.getSubject()).isIn(suresh, ravi))
                    .map(e -> (Map<String, Object>) JSON.readValue(e.getData().toBytes(), Map.class)).toList();
            assertThat(attendance).hasSize(6);
            List<Map<String, Object>> sureshDays = attendance.stream().filter(m -> m.get("employeeId").equals(suresh)).toList();
            assertThat(sureshDays).extracting(m -> m.get("day") + " " + m.get("status") + " " + m.get("hoursWorked") + " "
                            + m.get("daysWorked") + " v" + m.get("version"))
                    .containsExactly("2026-11-18 PRESENT 9.5000 1 v1", "2026-11-19 HALF_DAY 4.0000 0.5 v1",
                            "2026-11-19 PRESENT 8.5000 1 v2");
            assertThat(sureshDays).allSatisfy(m -> assertThat(m).containsEntry("userId", owner.userId())
                    .containsEntry("name", "Suresh Patil"));
            assertThat(sureshDays.get(2)).containsEntry("checkIn", "2026-11-19T03:30:00Z").containsEntry("checkOut", "2026-11-19T12:00:00Z");
            List<Map<String, Object>> raviDays = attendance.stream().filter(m -> m.get("employeeId").equals(ravi)).toList();
            // the leave is no day and no hour worked; the punches are one day, checked in (version 1), then out (version 2)
            assertThat(raviDays.get(0)).containsEntry("day", "2026-11-19").containsEntry("status", "LEAVE")
                    .containsEntry("hoursWorked", "0").containsEntry("daysWorked", "0").containsEntry("version", 1)
                    .doesNotContainKey("userId");
            assertThat(raviDays.get(1)).containsEntry("status", "PRESENT").containsEntry("version", 1).containsKey("checkIn")
                    .doesNotContainKey("checkOut").containsEntry("hoursWorked", "0");
            assertThat(raviDays.get(2)).containsEntry("status", "PRESENT").containsEntry("version", 2).containsKey("checkOut")
                    .containsEntry("day", raviDays.get(1).get("day")).containsEntry("daysWorked", "1");
        }
    }
}
