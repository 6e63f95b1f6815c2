package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Outbound spam policies over REST: validation, precedence, the undeletable default, tenant isolation. */
class PolicyApiTest {

    @Test
    void aNewTenantHasOnlyTheDefaultPolicy() {
        TenantClient tenant = new TenantClient();
        List<Map<String, Object>> policies = Http.get("/api/v1/outbound-spam-policies", tenant.reader).jsonList();
        assertThat(policies).hasSize(1);
        assertThat(policies.get(0)).containsEntry("default", true).containsEntry("enabled", true)
                .containsEntry("actionWhenThresholdReached", "BLOCK_USER_FOR_TODAY")
                .containsEntry("recipientLimitExternalPerHour", 0).containsEntry("spamMessageLimitPerHour", 10);
    }

    @Test
    void customPoliciesApplyToTheirSendersByPriority() {
        TenantClient tenant = new TenantClient();
        Http.Response created = TenantClient.post("/api/v1/outbound-spam-policies", tenant.admin, policy(
                "Marketing", 1, List.of(), List.of("news." + tenant.domain), "ALERT", 1));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json()).containsEntry("name", "Marketing").containsEntry("default", false)
                .containsEntry("senderDomains", List.of("news." + tenant.domain));
        String id = (String) created.json().get("id");

        String newsletter = "bulk@news." + tenant.domain;
        for (int i = 0; i < 2; i++) {
            assertThat(tenant.outbound(newsletter, List.of("a@o.example", "b@o.example"), "BULK").json())
                    .as("ALERT only").containsEntry("action", "DELIVER");
        }
        Map<String, Object> replaced = TenantClient.send("PUT", "/api/v1/outbound-spam-policies/" + id, tenant.admin,
                policy("Marketing", 1, List.of(), List.of("news." + tenant.domain), "BLOCK_USER", 1)).json();
        assertThat(replaced).containsEntry("id", id).containsEntry("actionWhenThresholdReached", "BLOCK_USER");
        assertThat(tenant.outbound(newsletter, List.of("c@o.example", "d@o.example"), "BULK").json())
                .containsEntry("action", "REJECT");
        assertThat(tenant.outbound(tenant.user("ceo"), List.of("c@o.example", "d@o.example"), "CLEAN").json())
                .as("others keep the default policy").containsEntry("action", "DELIVER");

        assertThat(Http.send("DELETE", "/api/v1/outbound-spam-policies/" + id, tenant.admin, "application/json", "")
                .status()).isEqualTo(204);
        assertThat(Http.get("/api/v1/outbound-spam-policies/" + id, tenant.admin).status()).isEqualTo(404);
        List<Map<String, Object>> audit = Http.get("/api/v1/audit-log", tenant.admin).items();
        assertThat(audit).extracting(r -> r.get("action")).contains("policy.create", "policy.update", "policy.delete");
        Map<String, Object> update = audit.stream().filter(r -> "policy.update".equals(r.get("action"))).findFirst()
                .orElseThrow();
        assertThat((String) update.get("before")).as("read as people read it, not as a Java record")
                .isEqualTo("'Marketing' priority 1; per hour at most 1 external and 1000 internal recipients and 10"
                        + " spam messages, per day 1000 recipients; then ALERT; notify soc@example.org; sender domains"
                        + " news." + tenant.domain);
        assertThat((String) update.get("after")).contains("then BLOCK_USER;");
    }

    @Test
    void aTenantHasAtMostAHundredCustomPoliciesAlsoWhenCreatesRace() throws Exception {
        TenantClient tenant = new TenantClient();
        IntFunction<Integer> create = i -> TenantClient.post("/api/v1/outbound-spam-policies", tenant.admin,
                policy("P" + i, i + 1, List.of(), List.of("p" + i + "." + tenant.domain), "ALERT", 1)).status();
        for (int i = 0; i < 96; i++) {
            assertThat(create.apply(i)).isEqualTo(201);
        }
        // Eight creates race for the last four places.
        ExecutorService racers = Executors.newFixedThreadPool(8);
        try {
            CyclicBarrier start = new CyclicBarrier(8);
            List<Future<Integer>> raced = IntStream.range(96, 104).mapToObj(i -> racers.submit(() -> {
                start.await();
                return create.apply(i);
            })).toList();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> status : raced) {
                statuses.add(status.get());
            }
            assertThat(statuses).containsOnly(201, 409).filteredOn(status -> status == 201).hasSize(4);
        } finally {
            racers.shutdownNow();
        }
        RestApiTest.assertProblem(TenantClient.post("/api/v1/outbound-spam-policies", tenant.admin, policy("One more",
                101, List.of(), List.of("more." + tenant.domain), "ALERT", 1)), 409, "policy-limit-reached");
        assertThat(Http.get("/api/v1/outbound-spam-policies", tenant.reader).jsonList()).hasSize(101);
    }

    @Test
    void racingChangesOfOnePolicyAreAnsweredAsTheyCommitted() throws Exception {
        TenantClient tenant = new TenantClient();
        ExecutorService racers = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 10; round++) {
                String id = (String) TenantClient.post("/api/v1/outbound-spam-policies", tenant.admin,
                        policy("Race " + round, 1, List.of(), List.of("race." + tenant.domain), "ALERT", 1))
                        .json().get("id");
                String path = "/api/v1/outbound-spam-policies/" + id;
                Map<String, Object> blocking = policy("Race " + round, 1, List.of(), List.of("race." + tenant.domain),
                        "BLOCK_USER", 1);
                CyclicBarrier start = new CyclicBarrier(2);
                Future<Integer> put = racers.submit(() -> {
                    start.await();
                    return TenantClient.send("PUT", path, tenant.admin, blocking).status();
                });
                Future<Integer> delete = racers.submit(() -> {
                    start.await();
                    return Http.send("DELETE", path, tenant.admin, "application/json", "").status();
                });
                assertThat(delete.get()).isEqualTo(204);
                int updated = put.get();
                assertThat(updated).isIn(200, 404);
                assertThat(Http.get(path, tenant.admin).status()).as("deleted, whatever came first").isEqualTo(404);
                List<Object> actions = Http.get("/api/v1/audit-log?limit=500", tenant.admin).items().stream()
                        .filter(r -> ("policy:" + id).equals(r.get("target"))).map(r -> r.get("action")).toList();
                assertThat(actions).as("newest first: an update answered 200 came before the delete")
                        .isEqualTo(updated == 200 ? List.of("policy.delete", "policy.update", "policy.create")
                                : List.of("policy.delete", "policy.create"));
            }
        } finally {
            racers.shutdownNow();
        }
    }

    @Test
    void aPolicyAsLargeAsItsCapsIsStoredWholeAndOneValueMoreIsRefused() {
        TenantClient tenant = new TenantClient();
        // Addresses and domains of the longest lengths allowed: some 250 KB per list.
        IntFunction<String> domain = length -> "d".repeat(63) + "." + "e".repeat(63) + "."
                + "f".repeat(length - 128 - tenant.domain.length()) + "." + tenant.domain;
        IntFunction<String> sender = i -> "s".repeat(60) + "%04d@".formatted(i) + domain.apply(185);
        List<String> senders = IntStream.range(0, 1000).mapToObj(sender).toList();
        List<String> excluded = IntStream.range(1000, 2000).mapToObj(sender).toList();
        List<String> domains = IntStream.range(0, 1000).mapToObj(i -> "%04d.".formatted(i) + domain.apply(185)).toList();
        List<String> notify = IntStream.range(0, 100).mapToObj(i -> "soc" + i + "@example.org").toList();
        Map<String, Object> largest = with(with(policy("Largest", 2, senders, domains, "ALERT", 5),
                "excludedSenders", excluded), "notifyRecipients", notify);

        Http.Response created = TenantClient.post("/api/v1/outbound-spam-policies", tenant.admin, largest);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Map<String, Object> read = Http.get("/api/v1/outbound-spam-policies/" + created.json().get("id"),
                tenant.admin).json();
        assertThat(read.get("senders")).isEqualTo(senders.stream().sorted().toList());
        assertThat(read.get("excludedSenders")).isEqualTo(excluded.stream().sorted().toList());
        assertThat((List<?>) read.get("senderDomains")).hasSize(1000);
        assertThat((List<?>) read.get("notifyRecipients")).hasSize(100);
        assertThat((String) Http.get("/api/v1/audit-log", tenant.admin).items().get(0).get("after"))
                .as("the audit record holds the whole policy").contains(senders.get(999)).contains(excluded.get(999));

        assertInvalid(tenant, with(largest, "senders", IntStream.range(0, 1001).mapToObj(sender).toList()), "senders");
        assertInvalid(tenant, with(largest, "notifyRecipients", IntStream.range(0, 101)
                .mapToObj(i -> "soc" + i + "@example.org").toList()), "notifyRecipients");
    }

    @Test
    void theDefaultPolicyCannotBeDeletedOrNarrowed() {
        TenantClient tenant = new TenantClient();
        String id = (String) Http.get("/api/v1/outbound-spam-policies", tenant.admin).jsonList().get(0).get("id");
        RestApiTest.assertProblem(Http.send("DELETE", "/api/v1/outbound-spam-policies/" + id, tenant.admin,
                "application/json", ""), 409, "default-policy");
        OutboundSpamTest.assertField(TenantClient.send("PUT", "/api/v1/outbound-spam-policies/" + id, tenant.admin,
                policy("Default", 0, List.of(tenant.user("a")), List.of(), "ALERT", 0)), "senders");
        OutboundSpamTest.assertField(TenantClient.send("PUT", "/api/v1/outbound-spam-policies/" + id, tenant.admin,
                with(policy("Default", 0, List.of(), List.of(), "ALERT", 0), "enabled", false)), "enabled");
        assertThat(Http.get("/api/v1/outbound-spam-policies/" + id, tenant.admin).json())
                .containsEntry("enabled", true).containsEntry("actionWhenThresholdReached", "BLOCK_USER_FOR_TODAY");
    }

    @Test
    void invalidPoliciesAre400NamingTheField() {
        TenantClient tenant = new TenantClient();
        Map<String, Object> valid = policy("P", 1, List.of(tenant.user("a")), List.of(), "ALERT", 5);
        assertInvalid(tenant, with(valid, "recipientLimitExternalPerHour", 10_001), "recipientLimitExternalPerHour");
        assertInvalid(tenant, with(valid, "spamMessageLimitPerHour", -1), "spamMessageLimitPerHour");
        assertInvalid(tenant, with(valid, "actionWhenThresholdReached", "DELETE_USER"), "actionWhenThresholdReached");
        assertInvalid(tenant, with(valid, "notifyRecipients", List.of("not-an-address")), "notifyRecipients");
        assertInvalid(tenant, with(valid, "senderDomains", List.of("bad..domain")), "senderDomains");
        assertInvalid(tenant, with(valid, "priority", 1001), "priority");
        assertInvalid(tenant, with(valid, "name", " "), "name");
        assertInvalid(tenant, with(valid, "senders", List.of()), "senders");
        assertThat(Http.get("/api/v1/outbound-spam-policies", tenant.admin).jsonList()).hasSize(1);
    }

    @Test
    void anotherTenantsPolicyIsNotFound() {
        TenantClient tenant = new TenantClient();
        TenantClient other = new TenantClient();
        String id = (String) Http.get("/api/v1/outbound-spam-policies", tenant.admin).jsonList().get(0).get("id");
        RestApiTest.assertProblem(Http.get("/api/v1/outbound-spam-policies/" + id, other.admin), 404, "not-found");
        RestApiTest.assertProblem(Http.send("DELETE", "/api/v1/outbound-spam-policies/" + id, other.admin,
                "application/json", ""), 404, "not-found");
        OutboundSpamTest.assertField(Http.get("/api/v1/outbound-spam-policies/not-a-uuid", other.admin), "id");
    }

    private static void assertInvalid(TenantClient tenant, Map<String, Object> policy, String field) {
        OutboundSpamTest.assertField(TenantClient.post("/api/v1/outbound-spam-policies", tenant.admin, policy), field);
    }

    private static Map<String, Object> policy(String name, int priority, List<String> senders, List<String> domains,
                                              String action, int externalPerHour) {
        Map<String, Object> policy = new HashMap<>();
        policy.put("name", name);
        policy.put("priority", priority);
        policy.put("senders", senders);
        policy.put("senderDomains", domains);
        policy.put("actionWhenThresholdReached", action);
        policy.put("recipientLimitExternalPerHour", externalPerHour);
        policy.put("notifyRecipients", List.of("soc@example.org"));
        return policy;
    }

    private static Map<String, Object> with(Map<String, Object> policy, String field, Object value) {
        Map<String, Object> changed = new HashMap<>(policy);
        changed.put(field, value);
        return changed;
    }
}
