package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Outbound decisions, restrictions, unblocks, alerts and the audit log over real HTTP, with a clock the test moves. */
class OutboundSpamTest {

    private static final List<String> ONE_EXTERNAL = List.of("someone@elsewhere.example");

    @Test
    void cleanMailIsDeliveredAndSpamGoesThroughTheHighRiskPool() {
        TenantClient tenant = new TenantClient();
        Map<String, Object> clean = tenant.outbound(tenant.user("ann"), ONE_EXTERNAL, "CLEAN").json();
        assertThat(clean).containsEntry("action", "DELIVER").containsEntry("smtpReply", null)
                .containsEntry("ndr", null);
        assertThat(tenant.outbound(tenant.user("ann"), ONE_EXTERNAL, "bulk").json()).containsEntry("action", "DELIVER");
        assertThat(tenant.outbound(tenant.user("ann"), ONE_EXTERNAL, "PHISH").json())
                .containsEntry("action", "DELIVER_HIGH_RISK_POOL");
    }

    @Test
    void mailFromADomainTheTenantDoesNotOwnIsRejected() {
        TenantClient tenant = new TenantClient();
        StoredRows before = StoredRows.now();
        Map<String, Object> answer = tenant.outbound("ceo@not-" + tenant.domain, ONE_EXTERNAL, "CLEAN").json();
        assertThat(answer).containsEntry("action", "REJECT").containsEntry("smtpReply",
                "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains");
        assertThat(ndr(answer)).contains("not-" + tenant.domain).contains("accepted domain");
        assertThat(TenantClient.post("/api/v1/mail-flow/verdicts", tenant.mailFlow, Map.of("queueId", "F1",
                "sender", "cfo@not-" + tenant.domain, "verdict", "SPAM")).json()).containsEntry("counted", false);
        assertThat(before.addedIn(StoredRows.now())).as("senders anyone can name leave no sender row")
                .doesNotContainKey("sender_status");
        assertThat(tenant.outbound("ceo@mail." + tenant.domain, ONE_EXTERNAL, "CLEAN").json())
                .as("subdomains of accepted domains are the tenant's").containsEntry("action", "DELIVER");
    }

    @Test
    void everyRecipientCountsAndTheTrippingMessageIsRejectedUntilMidnightUtc() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(5, 3, 100, 10, "BLOCK_USER_FOR_TODAY", List.of("admin@" + tenant.domain));
        String sender = tenant.user("bob");
        List<String> fourExternal = IntStream.range(0, 4).mapToObj(i -> "r" + i + "@elsewhere.example").toList();
        List<String> internal = List.of(tenant.user("x"), "y@eu." + tenant.domain, tenant.user("z"));

        assertThat(tenant.outbound(sender, fourExternal, "CLEAN").json()).containsEntry("action", "DELIVER");
        assertThat(tenant.outbound(sender, internal, "CLEAN").json()).as("internal recipients count apart")
                .containsEntry("action", "DELIVER");
        Map<String, Object> tripping = tenant.outbound(sender,
                List.of("r8@elsewhere.example", "r9@elsewhere.example"), "CLEAN").json();
        assertThat(tripping).containsEntry("action", "REJECT")
                .containsEntry("smtpReply", "550 5.1.8 Access denied, bad outbound sender");
        assertThat(ndr(tripping)).contains(sender).contains("more than 5 external recipients in the last hour")
                .contains("change your password").contains("restricted users list");

        Map<String, Object> restricted = Http.get("/api/v1/restricted-users/" + sender, tenant.reader).json();
        Instant midnight = LocalDate.ofInstant(TestApplication.clock().instant(), ZoneOffset.UTC).plusDays(1)
                .atStartOfDay(ZoneOffset.UTC).toInstant();
        assertThat(restricted).containsEntry("address", sender).containsEntry("action", "BLOCK_USER_FOR_TODAY")
                .containsEntry("restrictedUntil", midnight.toString()).containsEntry("unblocksUsed", 0)
                .containsEntry("unblocksRemaining", 3);

        assertThat(tenant.outbound(sender, List.of(tenant.user("x")), "CLEAN").json())
                .as("while restricted, internal mail too").containsEntry("action", "REJECT");

        TestApplication.clock().advanceTo(midnight.minusSeconds(1));
        assertThat(tenant.outbound(sender, ONE_EXTERNAL, "CLEAN").json()).containsEntry("action", "REJECT");
        TestApplication.clock().advanceTo(midnight);
        assertThat(tenant.outbound(sender, ONE_EXTERNAL, "CLEAN").json()).containsEntry("action", "DELIVER");
        assertThat(Http.get("/api/v1/restricted-users/" + sender, tenant.reader).status()).isEqualTo(404);

        Map<String, Object> alert = Http.get("/api/v1/alerts", tenant.reader).items().get(0);
        assertThat(alert).containsEntry("title", "User restricted from sending email").containsEntry("severity", "HIGH")
                .containsEntry("user", sender);
    }

    @Test
    void theHourWindowRolls() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(3, 0, 0, 10, "BLOCK_USER_FOR_TODAY", List.of());
        String early = tenant.user("carol");
        String late = tenant.user("chris");
        List<String> three = List.of("a@o.example", "b@o.example", "c@o.example");
        TestApplication.clock().advance(Duration.ofMinutes(1));
        assertThat(tenant.outbound(early, three, "CLEAN").json()).containsEntry("action", "DELIVER");
        assertThat(tenant.outbound(late, three, "CLEAN").json()).containsEntry("action", "DELIVER");

        TestApplication.clock().advance(Duration.ofMinutes(59));
        assertThat(tenant.outbound(early, List.of("d@o.example"), "CLEAN").json())
                .as("59 minutes later the three still count").containsEntry("action", "REJECT");
        TestApplication.clock().advance(Duration.ofMinutes(2));
        assertThat(tenant.outbound(late, List.of("d@o.example", "e@o.example"), "CLEAN").json())
                .as("61 minutes later they have left the window").containsEntry("action", "DELIVER");
        assertThat(tenant.outbound(late, List.of("f@o.example", "g@o.example"), "CLEAN").json())
                .containsEntry("action", "REJECT");
    }

    /** {@code user+1@}, {@code user+2@} and {@code user@} reach one mailbox: they share its limits and its restriction. */
    @Test
    void theSubaddressesOfAMailboxShareItsLimits() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(2, 0, 0, 10, "BLOCK_USER", List.of());
        List<String> two = List.of("a@o.example", "b@o.example");
        assertThat(tenant.outbound(tenant.user("eve+1"), two, "CLEAN").json()).containsEntry("action", "DELIVER");
        assertThat(tenant.outbound(tenant.user("eve+2"), List.of("c@o.example"), "CLEAN").json())
                .as("over the mailbox's limit").containsEntry("action", "REJECT");
        assertThat(Http.get("/api/v1/restricted-users", tenant.admin).items()).extracting(user -> user.get("address"))
                .containsExactly(tenant.user("eve"));
        assertThat(tenant.outbound(tenant.user("eve"), List.of("d@o.example"), "CLEAN").json())
                .as("the mailbox itself, restricted").containsEntry("action", "REJECT");
        assertThat(tenant.outbound(tenant.user("eve+3"), List.of("d@o.example"), "CLEAN").json())
                .containsEntry("action", "REJECT");
    }

    /**
     * Every round has new senders, so that batches race to store them while others lock them:
     * the lost counts and the 10-second stalls this once caused on the embedded database
     * showed in a few rounds in a hundred.
     */
    @Test
    void concurrentMessagesAreCountedExactly() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            for (int round = 0; round < 5; round++) {
                TenantClient tenant = new TenantClient();
                tenant.defaultPolicy(10, 0, 0, 10, "BLOCK_USER_FOR_TODAY", List.of());
                List<String> senders = List.of(tenant.user("p1"), tenant.user("p2"), tenant.user("p3"));
                List<Future<Http.Response>> answers = new ArrayList<>();
                for (int i = 0; i < 60; i++) {
                    String sender = senders.get(i % senders.size());
                    answers.add(pool.submit(() -> tenant.outbound(sender, ONE_EXTERNAL, "CLEAN")));
                }
                Map<String, Long> actions = new TreeMap<>();
                for (Future<Http.Response> answer : answers) {
                    Http.Response response = answer.get();
                    actions.merge(response.status() == 200 ? (String) response.json().get("action")
                            : "HTTP " + response.status(), 1L, Long::sum);
                }
                assertThat(actions).as("round %d: ten per sender", round)
                        .isEqualTo(Map.of("DELIVER", 30L, "REJECT", 30L));
                for (String sender : senders) {
                    assertThat(Http.get("/api/v1/restricted-users/" + sender, tenant.reader).status()).isEqualTo(200);
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aDuplicateMessageIdGetsTheSameAnswerAndIsNotCountedTwice() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(2, 0, 0, 10, "BLOCK_USER_FOR_TODAY", List.of());
        String sender = tenant.user("dave");
        List<String> two = List.of("a@o.example", "b@o.example");
        Map<String, Object> first = tenant.outbound("<same@id>", sender, two, "CLEAN").json();
        Map<String, Object> again = tenant.outbound("<same@id>", sender, two, "CLEAN").json();
        assertThat(again).isEqualTo(first).containsEntry("action", "DELIVER");
        assertThat(tenant.outbound(sender, List.of("c@o.example"), "CLEAN").json()).containsEntry("action", "REJECT");
    }

    @Test
    void aReusedMessageIdGetsNoRememberedAnswerUnlessItIsTheSameMessage() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(10, 0, 0, 10, "BLOCK_USER_FOR_TODAY", List.of());
        String id = "<delivered@" + tenant.domain + ">";
        String alice = tenant.user("alice");
        List<String> two = List.of("a@o.example", "b@o.example");
        assertThat(tenant.outbound(id, alice, two, "CLEAN").json()).containsEntry("action", "DELIVER");

        String restricted = tenant.user("mallory");
        assertThat(TestApplication.cli("restricted", "add", "--tenant", tenant.name, restricted, "--reason", "test")
                .exitCode()).isZero();
        assertThat(tenant.outbound(id, restricted, two, "CLEAN").json()).as("a restricted sender under that id")
                .containsEntry("smtpReply", "550 5.1.8 Access denied, bad outbound sender");
        assertThat(tenant.outbound(id, "ceo@not-" + tenant.domain, two, "CLEAN").json())
                .as("a sender of a domain the tenant does not have, under that id").containsEntry("smtpReply",
                        "550 5.7.750 Service unavailable. Client blocked from sending from unregistered domains");
        assertThat(tenant.outbound(id, alice, two, "SPAM").json()).as("the same message with another verdict")
                .containsEntry("action", "DELIVER_HIGH_RISK_POOL");

        assertThat(tenant.outbound(id, alice, List.of("b@o.example", "a@o.example"), "CLEAN").json())
                .as("the same message, its recipients in another order").containsEntry("action", "DELIVER");
        List<String> many = IntStream.range(0, 2_000).mapToObj(i -> "x" + i + "@o.example").toList();
        assertThat(tenant.outbound(id, alice, many, "CLEAN").json())
                .as("2,000 other recipients under that id are counted and trip the limit")
                .containsEntry("smtpReply", "550 5.1.8 Access denied, bad outbound sender");
        assertThat(Http.get("/api/v1/restricted-users/" + alice, tenant.reader).status()).isEqualTo(200);
    }

    @Test
    void copiesOfOneMessageRacingEachOtherAllGetItsOneAnswer() throws Exception {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(100, 0, 0, 10, "BLOCK_USER_FOR_TODAY", List.of());
        List<String> senders = List.of(tenant.user("r1"), tenant.user("r2"));
        ExecutorService pool = Executors.newFixedThreadPool(24);
        try {
            Map<String, List<Future<Http.Response>>> copies = new java.util.LinkedHashMap<>();
            for (int copy = 0; copy < 6; copy++) {
                for (int message = 0; message < 8; message++) {
                    String id = "<race-" + message + "@id>";
                    String sender = senders.get(message % 2);
                    copies.computeIfAbsent(id, k -> new ArrayList<>())
                            .add(pool.submit(() -> tenant.outbound(id, sender, ONE_EXTERNAL, "CLEAN")));
                }
            }
            for (List<Future<Http.Response>> answers : copies.values()) {
                Http.Response first = answers.get(0).get();
                assertThat(first.status()).isEqualTo(200);
                for (Future<Http.Response> answer : answers) {
                    assertThat(answer.get().status()).isEqualTo(200);
                    assertThat(answer.get().json()).isEqualTo(first.json());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        // Four messages each, counted once: 96 more fit under the limit of 100, the 97th does not.
        for (String sender : senders) {
            for (int i = 0; i < 96; i++) {
                assertThat(tenant.outbound(sender, ONE_EXTERNAL, "CLEAN").json()).containsEntry("action", "DELIVER");
            }
            assertThat(tenant.outbound(sender, ONE_EXTERNAL, "CLEAN").json()).containsEntry("action", "REJECT");
        }
    }

    @Test
    void alertActionDeliversAndAlertsOncePerUserPerDay() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(1, 0, 0, 10, "ALERT", List.of());
        String sender = tenant.user("erin");
        for (int i = 0; i < 3; i++) {
            assertThat(tenant.outbound(sender, List.of("a@o.example", "b@o.example"), "CLEAN").json())
                    .containsEntry("action", "DELIVER");
        }
        List<Map<String, Object>> alerts = Http.get("/api/v1/alerts", tenant.admin).items();
        assertThat(alerts).hasSize(1);
        assertThat(alerts.get(0)).containsEntry("title", "Email sending limit exceeded").containsEntry("user", sender)
                .as("nobody to notify").containsEntry("mail", Map.of("state", "NONE", "attempts", 0));
        assertThat(Http.get("/api/v1/restricted-users", tenant.admin).items()).isEmpty();
    }

    @Test
    void tooMuchSpamRestrictsTheSender() {
        TenantClient tenant = new TenantClient();
        tenant.defaultPolicy(0, 0, 0, 2, "BLOCK_USER", List.of());
        String sender = tenant.user("frank");
        assertThat(tenant.outbound(sender, ONE_EXTERNAL, "SPAM").json()).containsEntry("action", "DELIVER_HIGH_RISK_POOL");
        assertThat(tenant.outbound(sender, ONE_EXTERNAL, "MALWARE").json()).containsEntry("action", "DELIVER_HIGH_RISK_POOL");
        Map<String, Object> third = tenant.outbound(sender, ONE_EXTERNAL, "HIGH_CONFIDENCE_PHISH").json();
        assertThat(third).containsEntry("action", "REJECT");
        assertThat(ndr(third)).contains("more than 2 spam messages in the last hour");
        assertThat(Http.get("/api/v1/restricted-users/" + sender, tenant.admin).json())
                .containsEntry("action", "BLOCK_USER").containsEntry("restrictedUntil", null);
    }

    @Test
    void badMessagesAre400NamingTheField() {
        TenantClient tenant = new TenantClient();
        assertField(TenantClient.post("/api/v1/mail-flow/outbound", tenant.mailFlow,
                Map.of("messageId", "1", "sender", "not an address", "recipients", ONE_EXTERNAL, "verdict", "CLEAN")),
                "sender");
        assertField(TenantClient.post("/api/v1/mail-flow/outbound", tenant.mailFlow,
                Map.of("messageId", "1", "sender", tenant.user("a"), "recipients", List.of(), "verdict", "CLEAN")),
                "recipients");
        assertField(TenantClient.post("/api/v1/mail-flow/outbound", tenant.mailFlow,
                Map.of("messageId", "1", "sender", tenant.user("a"), "recipients", ONE_EXTERNAL, "verdict", "NICE")),
                "verdict");
        assertField(TenantClient.post("/api/v1/mail-flow/outbound", tenant.mailFlow,
                Map.of("sender", tenant.user("a"), "recipients", ONE_EXTERNAL, "verdict", "CLEAN")), "messageId");
    }

    @Test
    void eachEndpointAdmitsOnlyItsRoles() {
        TenantClient tenant = new TenantClient();
        RestApiTest.assertProblem(TenantClient.post("/api/v1/mail-flow/outbound", tenant.admin, Map.of()), 403,
                "forbidden");
        RestApiTest.assertProblem(Http.get("/api/v1/restricted-users", tenant.mailFlow), 403, "forbidden");
        RestApiTest.assertProblem(tenant.unblock(tenant.reader, tenant.user("a"), Map.of("confirm", true,
                "reason", "x")), 403, "forbidden");
        RestApiTest.assertProblem(TenantClient.post("/api/v1/outbound-spam-policies", tenant.reader, Map.of()), 403,
                "forbidden");
        assertThat(Http.get("/api/v1/outbound-spam-policies", tenant.reader).status()).isEqualTo(200);
        assertThat(Http.get("/api/v1/audit-log", tenant.reader).status()).isEqualTo(200);
    }

    static void assertField(Http.Response response, String field) {
        RestApiTest.assertProblem(response, 400, "invalid-value");
        assertThat((String) response.json().get("detail")).startsWith(field + ": ");
    }

    @SuppressWarnings("unchecked")
    static String ndr(Map<String, Object> answer) {
        return (String) ((Map<String, Object>) answer.get("ndr")).get("text");
    }
}
