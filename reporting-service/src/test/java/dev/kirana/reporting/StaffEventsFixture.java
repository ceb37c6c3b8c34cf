package dev.kirana.reporting;

import static dev.kirana.reporting.ShopEventsFixture.d;
import static dev.kirana.reporting.ShopEventsFixture.line;
import static dev.kirana.reporting.ShopEventsFixture.t;
import static dev.kirana.reporting.ShopEventsFixture.tender;

import dev.kirana.events.EventJson;
import dev.kirana.events.EventTypes;
import dev.kirana.events.KiranaEvents;
import dev.kirana.events.OrderEvents;
import dev.kirana.events.ShopEvents;
import dev.kirana.events.StaffEvents;
import dev.kirana.events.Topics;
import dev.kirana.testing.TestInfrastructure;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Two days (18 and 19 November 2026) of one shop's people as auth-service and order-service would have published them;
 * times are UTC, the shop is in India (+05:30). The figures StaffPerformanceTest expects were worked out by hand:
 * <pre>
 *   Suresh Patil (login u-suresh; linked by a second employee.updated)
 *     18th S1 10:00 tea 2 = 300.00 cash; S2 11:00 tea 1 (170 less 20 discount) + butter 3 = 150 + 168 = 318.00
 *     19th S3 10:00 butter 2 = 112.00, voided by Suresh 10:10; refunds one tea of S1 11:00 = 150.00
 *     (17th, outside the range: a tea 150.00 and 8 h present)
 *     attendance 18th present 09:00-18:30 = 9.5 h; 19th half day 09:00-13:00, corrected to present 09:00-17:30 = 8.5 h
 *   Meena Kale (login u-meena; known only from her attendance events, added before employees were published)
 *     18th M1 15:00 butter 5 = 280.00 UPI; 19th M2 16:00 tea 3 (480 less 30) = 450.00; refunds two butters of M1 17:00 = 112.00
 *     attendance 18th present 10:00-19:00 = 9 h; 19th half day 14:00-18:30 = 4.5 h
 *   Ravi (no login): 18th present 09:00-17:00 = 8 h; 19th leave
 *   u-temp (a cashier login linked to no employee): 19th T1 12:00 tea 1 = 150.00
 *   Old Hand (login u-old, inactive): nothing in the range
 * </pre>
 */
final class StaffEventsFixture {
    static final String SURESH = "e-suresh";
    static final String MEENA = "e-meena";
    static final String RAVI = "e-ravi";
    static final String OLD = "e-old";
    final String shop = "shop-" + UUID.randomUUID();
    int published;

    void publish() throws Exception {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestInfrastructure.get().kafkaBootstrapServers()), new StringSerializer(), new ByteArraySerializer())) {
            ShopEventsFixture.Sender send = (topic, type, key, at, data) -> {
                var e = KiranaEvents.event(UUID.randomUUID().toString(), type, "test", key, shop, at.atOffset(ZoneOffset.UTC),
                        EventJson.write(data));
                producer.send(KiranaEvents.toRecord(topic, key, e)).get();
                published++;
                return e;
            };
            send.send(Topics.SHOP, EventTypes.SHOP_CREATED, shop, t("2026-08-01T00:00:00Z"),
                    new ShopEvents.ShopCreated(shop, "Patil Stores", "27", null, "INR", "REGULAR", "u-owner"));
            // Suresh first without a login, then linked to his; Ravi never logs in; Old Hand has left
            employee(send, SURESH, null, "Suresh Patil", "ACTIVE", t("2026-11-01T00:00:00Z"));
            employee(send, SURESH, "u-suresh", "Suresh Patil", "ACTIVE", t("2026-11-02T00:00:00Z"));
            employee(send, RAVI, null, "Ravi", "ACTIVE", t("2026-11-01T00:00:00Z"));
            employee(send, OLD, "u-old", "Old Hand", "INACTIVE", t("2026-11-01T00:00:00Z"));

            OrderEvents.OrderLine tea1 = line(1, "p-tea", "Tata Tea 250g", "1", "150.00", "0902", "5", "0.00", "142.86", "3.57", "3.57");
            sale(send, UUID.randomUUID().toString(), "u-suresh", t("2026-11-17T04:30:00Z"), List.of(tea1), "150.00", "0.00", "CASH");

            String s1 = UUID.randomUUID().toString();
            sale(send, s1, "u-suresh", t("2026-11-18T04:30:00Z"),
                    List.of(line(1, "p-tea", "Tata Tea 250g", "2", "300.00", "0902", "5", "0.00", "285.71", "7.14", "7.15")),
                    "300.00", "0.00", "CASH");
            sale(send, UUID.randomUUID().toString(), "u-suresh", t("2026-11-18T05:30:00Z"), List.of(
                            line(1, "p-tea", "Tata Tea 250g", "1", "150.00", "0902", "5", "20.00", "142.86", "3.57", "3.57"),
                            line(2, "p-butter", "Amul Butter 100g", "3", "168.00", "0405", "12", "0.00", "150.00", "9.00", "9.00")),
                    "318.00", "20.00", "CASH");
            String m1 = UUID.randomUUID().toString();
            sale(send, m1, "u-meena", t("2026-11-18T09:30:00Z"),
                    List.of(line(1, "p-butter", "Amul Butter 100g", "5", "280.00", "0405", "12", "0.00", "250.00", "15.00", "15.00")),
                    "280.00", "0.00", "UPI");
            String s3 = UUID.randomUUID().toString();
            OrderEvents.OrderLine butter2 = line(1, "p-butter", "Amul Butter 100g", "2", "112.00", "0405", "12", "0.00", "100.00", "6.00", "6.00");
            sale(send, s3, "u-suresh", t("2026-11-19T04:30:00Z"), List.of(butter2), "112.00", "0.00", "CASH");
            send.send(Topics.ORDER, EventTypes.ORDER_VOIDED, s3, t("2026-11-19T04:40:00Z"),
                    new OrderEvents.OrderVoided(s3, "INV-S3", "rang twice", "u-suresh", t("2026-11-19T04:40:00Z"), "INR", "loc",
                            List.of(butter2), d("112.00"), "TAX_INVOICE", "27", "INTRA_STATE", null,
                            List.of(tender("CASH", "112.00")), d("100.00"), d("6.00"), d("6.00"), d("0.00"), d("0.00"), 0L));
            refund(send, s1, "u-suresh", t("2026-11-19T05:30:00Z"), "p-tea", "1", "5", "142.86", "3.57", "150.00");
            sale(send, UUID.randomUUID().toString(), "u-temp", t("2026-11-19T06:30:00Z"), List.of(tea1), "150.00", "0.00", "CASH");
            sale(send, UUID.randomUUID().toString(), "u-meena", t("2026-11-19T10:30:00Z"),
                    List.of(line(1, "p-tea", "Tata Tea 250g", "3", "450.00", "0902", "5", "30.00", "428.57", "10.71", "10.72")),
                    "450.00", "30.00", "CASH");
            refund(send, m1, "u-meena", t("2026-11-19T11:30:00Z"), "p-butter", "2", "12", "100.00", "6.00", "112.00");

            attendance(send, SURESH, "u-suresh", "Suresh Patil", "2026-11-17", "PRESENT", "8.0000", "1", 1, t("2026-11-17T13:00:00Z"));
            attendance(send, SURESH, "u-suresh", "Suresh Patil", "2026-11-18", "PRESENT", "9.5000", "1", 1, t("2026-11-18T13:00:00Z"));
            // the correction (version 2) is sent before the mark it corrects (version 1): the newer version stays
            attendance(send, SURESH, "u-suresh", "Suresh Patil", "2026-11-19", "PRESENT", "8.5000", "1", 2, t("2026-11-19T12:00:00Z"));
            attendance(send, SURESH, "u-suresh", "Suresh Patil", "2026-11-19", "HALF_DAY", "4.0000", "0.5", 1, t("2026-11-19T07:30:00Z"));
            attendance(send, MEENA, "u-meena", "Meena Kale", "2026-11-18", "PRESENT", "9.0000", "1", 1, t("2026-11-18T13:30:00Z"));
            attendance(send, MEENA, "u-meena", "Meena Kale", "2026-11-19", "HALF_DAY", "4.5000", "0.5", 1, t("2026-11-19T13:00:00Z"));
            attendance(send, RAVI, null, "Ravi", "2026-11-18", "PRESENT", "8.0000", "1", 1, t("2026-11-18T11:30:00Z"));
            attendance(send, RAVI, null, "Ravi", "2026-11-19", "LEAVE", "0", "0", 1, t("2026-11-19T03:00:00Z"));
        }
    }

    private void employee(ShopEventsFixture.Sender send, String id, String user, String name, String status, Instant at) throws Exception {
        send.send(Topics.SHOP, EventTypes.EMPLOYEE_UPDATED, id, at, new StaffEvents.EmployeeUpdated(id, shop, user, name, null, status));
    }

    private void attendance(ShopEventsFixture.Sender send, String id, String user, String name, String day, String status,
                            String hours, String days, long version, Instant at) throws Exception {
        send.send(Topics.SHOP, EventTypes.ATTENDANCE_RECORDED, id, at, new StaffEvents.AttendanceRecorded(id, shop, user, name,
                LocalDate.parse(day), status, null, null, d(hours), d(days), version));
    }

    private void sale(ShopEventsFixture.Sender send, String id, String cashier, Instant at, List<OrderEvents.OrderLine> lines,
                      String total, String discount, String tender) throws Exception {
        BigDecimal taxable = lines.stream().map(OrderEvents.OrderLine::taxableValue).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal cgst = lines.stream().map(OrderEvents.OrderLine::cgst).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal sgst = lines.stream().map(OrderEvents.OrderLine::sgst).reduce(BigDecimal.ZERO, BigDecimal::add);
        send.send(Topics.ORDER, EventTypes.ORDER_CONFIRMED, id, at, new OrderEvents.OrderConfirmed(id, cashier, "INR", lines,
                d(total), at, "INV-" + id.substring(0, 4), at.minusSeconds(5), "loc", "TAX_INVOICE", "27", "27", "INTRA_STATE",
                null, List.of(tender(tender, total)), d(discount), taxable, cgst, sgst, d("0.00"), d("0.00"), 0L, null, d("0.00")));
    }

    private void refund(ShopEventsFixture.Sender send, String order, String by, Instant at, String product, String qty, String rate,
                        String taxable, String halfTax, String amount) throws Exception {
        send.send(Topics.ORDER, EventTypes.ORDER_REFUNDED, order, at, new OrderEvents.OrderRefunded(order, UUID.randomUUID().toString(),
                "CN-" + order.substring(0, 4), "INV-" + order.substring(0, 4), "returned", by, at, "INR", "loc",
                List.of(new OrderEvents.RefundLine(1, product, product.toUpperCase(), product, "0000", d(qty), d(rate), d(taxable),
                        d(halfTax), d(halfTax), d("0.00"), d(amount), "RESTOCK")), d(amount), "TAX_INVOICE", "27", "INTRA_STATE", null,
                new OrderEvents.Tender("CASH", d(amount), null, null, null, null), d(taxable), d(halfTax), d(halfTax), d("0.00"),
                d("0.00"), 0L, false));
    }
}
