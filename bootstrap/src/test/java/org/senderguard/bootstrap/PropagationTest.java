package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.senderguard.application.port.in.DecideMailTransactionUseCase;
import org.senderguard.application.port.in.MailTransaction;
import org.senderguard.domain.blocklist.Probe;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.MailFlowAction;
import org.senderguard.adapters.persistence.RequiresMariaDb;
import org.senderguard.application.port.in.AddBlockListEntriesCommand;
import org.senderguard.application.port.in.AddBlockListEntriesUseCase;
import org.senderguard.application.port.in.BlockListEntryDraft;
import org.senderguard.application.port.in.FindListingsUseCase;
import org.senderguard.application.port.in.FindPoliciesUseCase;
import org.senderguard.application.port.in.FindTenantUseCase;
import org.senderguard.application.port.in.PolicyCommand;
import org.senderguard.application.port.in.RemoveBlockListEntryUseCase;
import org.senderguard.application.port.in.SavePolicyUseCase;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.blocklist.BlockListEntry;
import org.senderguard.domain.blocklist.EntrySource;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.tenant.TenantId;
import org.senderguard.domain.tenant.TenantName;
import picocli.CommandLine;

/**
 * Two server instances on one MariaDB, each with its block lists in memory and its tenants'
 * policies, accepted domains and API keys cached: what one of them (or the CLI) changes applies on
 * the other within a second for block lists, within a couple of seconds for tenants.
 */
@RequiresMariaDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PropagationTest {

    private static final Duration BLOCK_LISTS_WITHIN = Duration.ofSeconds(1);
    private static final Duration TENANTS_WITHIN = Duration.ofSeconds(2);
    /** Started with this class's one instance, closed after its last test. */
    @AutoClose
    private final TwoInstances instances = TwoInstances.start(true);
    private final ApplicationContext first = instances.first;
    private final ApplicationContext second = instances.second;

    @Test
    void blockListChangesReachTheOtherInstanceWithinASecond() throws InterruptedException {
        FindListingsUseCase onSecond = second.getBean(FindListingsUseCase.class);
        assertThat(onSecond.find(null, "198.51.100.7").service()).isEmpty();

        List<BlockListEntry> added = first.getBean(AddBlockListEntriesUseCase.class).add(new AddBlockListEntriesCommand(
                null, List.of("198.51.100.0/24"), new BlockListEntryDraft(EntryType.IP, "test", null, false, null, true),
                EntrySource.MANUAL, Actor.operator("test"))).created();
        assertThat(eventually(BLOCK_LISTS_WITHIN, () -> !onSecond.find(null, "198.51.100.7").service().isEmpty()))
                .as("added on the first, listed on the second").isTrue();

        first.getBean(RemoveBlockListEntryUseCase.class).remove(null, added.get(0).id(), Actor.operator("test"));
        assertThat(eventually(BLOCK_LISTS_WITHIN, () -> onSecond.find(null, "198.51.100.7").service().isEmpty()))
                .as("removed on the first, gone on the second").isTrue();
    }

    @Test
    void aRestrictionMadeOnOneInstanceRefusesTheSendersRecipientsOnTheOther() throws InterruptedException {
        String tenant = newTenant();
        String sender = "user@" + tenant + ".example";
        DecideMailTransactionUseCase onSecond = second.getBean(DecideMailTransactionUseCase.class);
        MailTransaction recipient = new MailTransaction(MailTransaction.Stage.RECIPIENT, null, Probe.ip("192.0.2.1"),
                sender, false, EmailAddress.of(sender), null, List.of(EmailAddress.of("x@elsewhere.example")), 1);
        assertThat(onSecond.decide(recipient).join().action()).isEqualTo(MailFlowAction.DELIVER);

        cli(first, "restricted", "add", "--tenant", tenant, sender, "--reason", "test");
        assertThat(eventually(TENANTS_WITHIN, () -> onSecond.decide(recipient).join().rejected()))
                .as("restricted on the first, refused at RCPT on the second from its memory").isTrue();
        cli(first, "restricted", "unblock", "--tenant", tenant, sender, "--reason", "test", "--override-limit");
        assertThat(eventually(TENANTS_WITHIN, () -> !onSecond.decide(recipient).join().rejected()))
                .as("unblocked on the first, let through on the second").isTrue();
    }

    @Test
    void aPolicyChangedOnOneInstanceAppliesOnTheOther() throws InterruptedException {
        String tenant = newTenant();
        String mailFlow = newKey(tenant);
        assertThat(decideOnSecond(mailFlow, tenant + ".example")).as("default limits").isEqualTo("DELIVER");

        TenantId id = first.getBean(FindTenantUseCase.class).byName(TenantName.parse(tenant)).id();
        OutboundSpamPolicy fallback = first.getBean(FindPoliciesUseCase.class).list(id).stream()
                .filter(OutboundSpamPolicy::isDefault).findFirst().orElseThrow();
        first.getBean(SavePolicyUseCase.class).replace(fallback.id(), PolicyCommand.of(id, Actor.operator("test"),
                "Default", null, null, 1, 1000, 10000, null, "BLOCK_USER_FOR_TODAY", List.of(), null, null, null));

        assertThat(eventually(TENANTS_WITHIN, () -> decideOnSecond(mailFlow, tenant + ".example").equals("REJECT")))
                .as("one external recipient an hour, on the second instance").isTrue();
    }

    @Test
    void anAcceptedDomainAddedWithTheCliAppliesOnTheOtherInstance() throws InterruptedException {
        String tenant = newTenant();
        String mailFlow = newKey(tenant);
        String added = "other-" + tenant + ".example";
        assertThat(decideOnSecond(mailFlow, added)).as("not an accepted domain yet").isEqualTo("REJECT");

        cli(first, "tenant", "update", tenant, "--domain", tenant + ".example", "--domain", added);

        assertThat(eventually(TENANTS_WITHIN, () -> decideOnSecond(mailFlow, added).equals("DELIVER")))
                .as("mail from the added domain accepted by the second instance").isTrue();
    }

    @Test
    void anApiKeyRevokedWithTheCliIsRefusedByTheOtherInstance() throws InterruptedException {
        String tenant = newTenant();
        Map<String, Object> issued = json(cli(first, "api-key", "create", "--tenant", tenant, "--role", "GLOBAL_ADMIN",
                "--output", "json"));
        String key = (String) issued.get("key");
        assertThat(onSecond("GET", "/api/v1/tenant", key, null).status()).isEqualTo(200);

        cli(first, "api-key", "revoke", (String) issued.get("id"));

        assertThat(eventually(TENANTS_WITHIN, () -> onSecond("GET", "/api/v1/tenant", key, null).status() == 401))
                .as("the revoked key refused by the second instance").isTrue();
    }

    private String newTenant() {
        String name = "t-" + UUID.randomUUID().toString().substring(0, 12);
        cli(first, "tenant", "create", name, "--domain", name + ".example");
        return name;
    }

    private String newKey(String tenant) {
        return (String) json(cli(first, "api-key", "create", "--tenant", tenant, "--role", "MAIL_FLOW",
                "--output", "json")).get("key");
    }

    /** The second instance's action for a message from a new sender of {@code domain} to two outside recipients. */
    private String decideOnSecond(String mailFlowKey, String domain) {
        Http.Response response = onSecond("POST", "/api/v1/mail-flow/outbound", mailFlowKey, Map.of(
                "messageId", UUID.randomUUID().toString(),
                "sender", "u-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain,
                "recipients", List.of("a@elsewhere.example", "b@elsewhere.example"), "verdict", "CLEAN"));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return (String) json(response.body()).get("action");
    }

    private Http.Response onSecond(String method, String path, String key, Object body) {
        try {
            String json = body == null ? "" : second.getBean(JsonMapper.class).writeValueAsString(body);
            return Http.send(HttpRequest.newBuilder(second.getBean(EmbeddedServer.class).getURI().resolve(path))
                    .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                            : HttpRequest.BodyPublishers.ofString(json)).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Runs a CLI command on {@code instance}'s context, as a separate process on the same database would. */
    private static String cli(ApplicationContext instance, String... args) {
        CommandLine commandLine = Senderguard.commandLine(instance);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        assertThat(commandLine.execute(args)).as(err.toString()).isZero();
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String text) {
        try {
            return second.getBean(JsonMapper.class).readValue(text, Map.class);
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + text, e);
        }
    }

    private static boolean eventually(Duration within, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline) {
            if (condition.getAsBoolean()) {
                return true;
            }
            Thread.sleep(20);
        }
        return condition.getAsBoolean();
    }
}
