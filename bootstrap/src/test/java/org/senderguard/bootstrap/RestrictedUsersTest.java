package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.outbound.Restriction;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;

/** Admins list and unblock restricted users within their limit; past it only Support can, through the CLI. */
class RestrictedUsersTest {

    @Test
    void adminsListFilterAndPageRestrictedUsers() {
        TenantClient tenant = new TenantClient();
        for (String local : List.of("bob", "bea", "al")) {
            restrict(tenant, tenant.user(local));
        }
        assertThat(addresses(Http.get("/api/v1/restricted-users", tenant.reader)))
                .containsExactly(tenant.user("al"), tenant.user("bea"), tenant.user("bob"));
        assertThat(addresses(Http.get("/api/v1/restricted-users?prefix=B", tenant.reader)))
                .containsExactly(tenant.user("bea"), tenant.user("bob"));

        Http.Response first = Http.get("/api/v1/restricted-users?limit=2", tenant.reader);
        assertThat(addresses(first)).containsExactly(tenant.user("al"), tenant.user("bea"));
        String cursor = (String) first.json().get("nextCursor");
        Http.Response second = Http.get("/api/v1/restricted-users?limit=2&cursor=" + cursor, tenant.reader);
        assertThat(addresses(second)).containsExactly(tenant.user("bob"));
        assertThat(second.json().get("nextCursor")).isNull();

        OutboundSpamTest.assertField(Http.get("/api/v1/restricted-users?limit=0", tenant.reader), "limit");
        OutboundSpamTest.assertField(Http.get("/api/v1/restricted-users?cursor=%25%25", tenant.reader), "cursor");
    }

    @Test
    void anotherTenantsUsersAreNotFound() {
        TenantClient tenant = new TenantClient();
        TenantClient other = new TenantClient();
        restrict(tenant, tenant.user("bob"));
        RestApiTest.assertProblem(Http.get("/api/v1/restricted-users/" + tenant.user("bob"), other.admin), 404,
                "not-found");
        RestApiTest.assertProblem(other.unblock(other.admin, tenant.user("bob"), Map.of("confirm", true, "reason", "x")),
                404, "not-found");
        assertThat(Http.get("/api/v1/restricted-users", other.admin).items()).isEmpty();
    }

    @Test
    void unblockNeedsConfirmationThenLetsMailThroughForTheRestOfTheDay() {
        TenantClient tenant = new TenantClient();
        String bob = tenant.user("bob.o'neil+news");
        restrict(tenant, bob);

        Http.Response unconfirmed = tenant.unblock(tenant.admin, bob, Map.of("reason", "password reset"));
        RestApiTest.assertProblem(unconfirmed, 400, "confirmation-required");
        RestApiTest.assertProblem(tenant.unblock(tenant.admin, bob, Map.of("confirm", false, "reason", "x")), 400,
                "confirmation-required");
        OutboundSpamTest.assertField(tenant.unblock(tenant.admin, bob, Map.of("confirm", true)), "reason");

        Http.Response unblocked = Http.send("POST", "/api/v1/restricted-users/" + bob + "/unblock", tenant.admin,
                "application/json", "{\"confirm\":true,\"reason\":\"password reset, rules removed\"}");
        assertThat(unblocked.status()).as(unblocked.body()).isEqualTo(200);
        assertThat(unblocked.json()).as("the mailbox, whose subaddresses count and are restricted with it")
                .containsEntry("address", tenant.user("bob.o'neil")).containsEntry("unblocksUsed", 1)
                .containsEntry("unblocksRemaining", 2);
        assertThat(tenant.outbound(bob, List.of("x@o.example", "y@o.example"), "CLEAN").json())
                .as("not restricted again today").containsEntry("action", "DELIVER");
        RestApiTest.assertProblem(tenant.unblock(tenant.admin, bob, Map.of("confirm", true, "reason", "again")), 404,
                "not-found");
    }

    /** A subaddress restricted on its own, before subaddresses were counted as their mailbox, can still be unblocked. */
    @Test
    void aSubaddressRestrictedOnItsOwnIsFoundAndUnblockedByItsAddress() {
        TenantClient tenant = new TenantClient();
        String tagged = tenant.user("kim+old");
        TenantId id = TestApplication.context().getBean(FindTenantUseCase.class).byName(TenantName.parse(tenant.name))
                .id();
        SenderStatusRepository statuses = TestApplication.context().getBean(SenderStatusRepository.class);
        TestApplication.context().getBean(UnitOfWork.class).inTransaction(() -> {
            statuses.save(statuses.lock(id, EmailAddress.of(tagged))
                    .restrictedBy(Restriction.manual("restricted as itself", TestApplication.clock().instant())));
            return null;
        });
        assertThat(Http.get("/api/v1/restricted-users/" + tagged, tenant.reader).json()).containsEntry("address", tagged);
        Http.Response unblocked = tenant.unblock(tenant.admin, tagged, Map.of("confirm", true, "reason", "cleaned"));
        assertThat(unblocked.status()).as(unblocked.body()).isEqualTo(200);
        assertThat(unblocked.json()).containsEntry("address", tagged);
        assertThat(Http.get("/api/v1/restricted-users", tenant.reader).items()).isEmpty();
    }

    @Test
    void pastTheLimitOnlySupportCanUnblockAndTheAuditLogShowsWhoDidWhat() {
        TenantClient tenant = new TenantClient();
        assertThat(TestApplication.cli("tenant", "update", tenant.name, "--unblock-limit", "1").exitCode()).isZero();
        String eve = tenant.user("eve");
        restrict(tenant, eve);
        assertThat(tenant.unblock(tenant.admin, eve, Map.of("confirm", true, "reason", "cleaned")).status())
                .isEqualTo(200);

        nextDay();
        restrict(tenant, eve);
        Http.Response refused = tenant.unblock(tenant.admin, eve, Map.of("confirm", true, "reason", "again"));
        RestApiTest.assertProblem(refused, 409, "unblock-limit-reached");
        assertThat((String) refused.json().get("detail")).contains("Contact Support");

        TestApplication.CliResult withoutOverride = TestApplication.cli("restricted", "unblock", "--tenant",
                tenant.name, eve, "--reason", "ticket 4711");
        assertThat(withoutOverride.exitCode()).isEqualTo(2);
        assertThat(withoutOverride.err()).as("Support is told how to go past the limit, not to contact itself")
                .contains("the most an admin may", "Add --override-limit").doesNotContain("Contact Support");
        TestApplication.CliResult support = TestApplication.cli("restricted", "unblock", "--tenant", tenant.name,
                eve, "--reason", "ticket 4711", "--override-limit", "--output", "json");
        assertThat(support.exitCode()).as(support.err()).isZero();
        assertThat(Http.get("/api/v1/restricted-users/" + eve, tenant.reader).status()).isEqualTo(404);

        List<Map<String, Object>> audit = Http.get("/api/v1/audit-log", tenant.reader).items();
        String operator = "operator:" + System.getProperty("user.name");
        assertThat(audit).extracting(r -> r.get("action") + " by " + r.get("actor")).containsSubsequence(
                "restriction.unblock-override by " + operator,
                "restriction.add by " + mailFlowActor(tenant),
                "restriction.unblock by " + adminActor(tenant),
                "restriction.add by " + mailFlowActor(tenant));
        assertThat(audit.get(0)).containsEntry("target", "user:" + eve);
        assertThat((String) audit.get(0).get("after")).contains("ticket 4711");
        assertThat((String) audit.get(0).get("before")).as("read as people read it, not as a Java record")
                .matches("[A-Z_]+ \\(BLOCK_USER\\) since \\S+Z: .+").doesNotContain("Restriction[");
    }

    @Test
    void supportRestrictsByHandAndListsFromTheCli() {
        TenantClient tenant = new TenantClient();
        String mallory = tenant.user("mallory");
        TestApplication.CliResult added = TestApplication.cli("restricted", "add", "--tenant", tenant.name, mallory,
                "--reason", "phishing kit found in mailbox");
        assertThat(added.exitCode()).as(added.err()).isZero();
        Map<String, Object> answer = tenant.outbound(mallory, List.of("a@o.example"), "CLEAN").json();
        assertThat(answer).containsEntry("action", "REJECT");
        assertThat(OutboundSpamTest.ndr(answer)).contains("phishing kit found in mailbox");

        TestApplication.CliResult list = TestApplication.cli("restricted", "list", "--tenant", tenant.name,
                "--output", "json");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).contains("\"address\":\"" + mallory + "\"").contains("\"action\":\"BLOCK_USER\"")
                .as("as the API has it").contains("\"restrictedUntil\":null");
        assertThat(TestApplication.cli("restricted", "list", "--tenant", tenant.name).out()).startsWith("ADDRESS")
                .contains(mallory);
        assertThat(TestApplication.cli("restricted", "add", "--tenant", tenant.name, "not-an-address", "--reason", "x")
                .exitCode()).isEqualTo(2);
    }

    /** Makes the user reach a BLOCK_USER limit: two spam messages over a limit of one. */
    static void restrict(TenantClient tenant, String user) {
        tenant.defaultPolicy(0, 0, 0, 1, "BLOCK_USER", List.of());
        tenant.outbound(user, List.of("a@o.example"), "SPAM");
        assertThat(tenant.outbound(user, List.of("a@o.example"), "SPAM").json()).containsEntry("action", "REJECT");
    }

    private static void nextDay() {
        TestApplication.clock().advanceTo(LocalDate.ofInstant(TestApplication.clock().instant(), ZoneOffset.UTC)
                .plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }

    private static String mailFlowActor(TenantClient tenant) {
        return "api-key:" + tenant.mailFlow.split("_")[1];
    }

    private static String adminActor(TenantClient tenant) {
        return "api-key:" + tenant.admin.split("_")[1];
    }

    private static List<Object> addresses(Http.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.items().stream().map(item -> item.get("address")).toList();
    }
}
