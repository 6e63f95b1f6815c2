package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** The operator CLI on the application context: contract output, exit codes, one-line errors. */
class OperatorCliTest {

    @Test
    void operatorsReadTheServicesOwnAuditLogAPageAtATime() {
        String value = "audit-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        for (String listed : List.of("older-" + value, value)) {
            assertThat(TestApplication.cli("blocklist", "add", listed, "--type", "DOMAIN", "--reason", "audited")
                    .exitCode()).isZero();
        }

        TestApplication.CliResult first = TestApplication.cli("audit", "list", "--limit", "1", "--output", "json");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(first.out()).contains("\"actor\":\"operator:", value).doesNotContain("older-");
        Matcher cursor = Pattern.compile("--cursor (\\S+)").matcher(first.err());
        assertThat(cursor.find()).as(first.err()).isTrue();
        TestApplication.CliResult next = TestApplication.cli("audit", "list", "--limit", "1", "--cursor",
                cursor.group(1));
        assertThat(next.exitCode()).as(next.err()).isZero();
        assertThat(next.out()).contains("ACTOR", "older-" + value);

        TestApplication.CliResult unknown = TestApplication.cli("audit", "list", "--tenant", "no-such-tenant");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().strip()).contains("no-such-tenant").doesNotContain("\n");
    }

    @Test
    @SuppressWarnings("unchecked")
    void createsATenantAndPrintsTheContractJson() {
        TestApplication.CliResult result = TestApplication.cli("tenant", "create", "Json-Corp",
                "--domain", "JSON-corp.example.", "--domain", "bücher.example", "--output", "json");

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.err()).isEmpty();
        Map<String, Object> tenant = result.json();
        assertThat(tenant).containsEntry("name", "json-corp");
        assertThat((List<Object>) tenant.get("domains")).containsExactly("json-corp.example", "xn--bcher-kva.example");
    }

    @Test
    void listsAndShowsTenantsAsTables() {
        String tenant = Fixtures.newTenant();
        TestApplication.CliResult list = TestApplication.cli("tenant", "list");
        assertThat(list.exitCode()).isZero();
        assertThat(list.out()).startsWith("NAME").contains(tenant + "  " + tenant + ".example");

        TestApplication.CliResult show = TestApplication.cli("tenant", "show", tenant.toUpperCase());
        assertThat(show.exitCode()).isZero();
        assertThat(show.out()).contains("name").contains(tenant).containsPattern("unblockLimit +3\n")
                .contains("checkThirdPartyLists  false");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bad tenant name | tenant create 'Bad Name!' --domain ok-1.example | tenant name 'bad name!' must be",
            "bad domain      | tenant create ok-name-2 --domain 'not a domain' | 'not a domain' is not a valid domain",
            "no domain       | tenant create ok-name-3 | Missing required option: '--domain=DOMAIN'",
            "unknown option  | tenant create ok-name-4 --domain ok-4.example --colour red | Unknown options: '--colour', 'red'"})
    void badTenantInputExitsTwoWithOneLineAndStoresNothing(String what, String args, String message) {
        TestApplication.CliResult result = TestApplication.cli(split(args));

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.out()).isEmpty();
        assertThat(result.err().strip()).contains(message).doesNotContain("\n").doesNotContain("Exception");
        assertThat(TestApplication.cli("tenant", "list").out()).doesNotContain("ok-name").doesNotContain("bad name");
    }

    @Test
    void anUnknownRoleExitsTwoAndCreatesNoKey() {
        String tenant = Fixtures.newTenant();
        TestApplication.CliResult result = TestApplication.cli("api-key", "create", "--tenant", tenant,
                "--role", "SUPERUSER");

        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err().strip()).contains("--role").contains("SUPERUSER").doesNotContain("\n");
        assertThat(TestApplication.cli("api-key", "list", "--tenant", tenant, "--output", "json").out().strip())
                .isEqualTo("[]");
    }

    @Test
    void namingWhatDoesNotExistOrIsTakenExitsTwo() {
        String tenant = Fixtures.newTenant();
        assertOneLineError(TestApplication.cli("tenant", "show", "no-such-tenant"), "no tenant named 'no-such-tenant'");
        assertOneLineError(TestApplication.cli("tenant", "create", tenant, "--domain", "fresh-" + tenant + ".example"),
                "already exists");
        assertOneLineError(TestApplication.cli("tenant", "create", "x" + tenant, "--domain", tenant + ".example"),
                "already an accepted domain of another tenant");
        assertOneLineError(TestApplication.cli("api-key", "revoke", "0123456789abcdef"), "no API key with id");
        assertOneLineError(TestApplication.cli("api-key", "revoke", "0123456789ABCDEF"),
                "no API key with id 0123456789abcdef");
        assertOneLineError(TestApplication.cli("api-key", "revoke", "nope"), "must be 16 hex digits");
    }

    @Test
    void updatesSettingsAndRejectsOutOfRangeValuesWithoutChangingAnything() {
        String tenant = Fixtures.newTenant();
        TestApplication.CliResult updated = TestApplication.cli("tenant", "update", tenant, "--unblock-limit", "4",
                "--unblock-window-days", "10", "--output", "json");
        assertThat(updated.exitCode()).as(updated.err()).isZero();
        assertThat(updated.json()).containsEntry("unblockLimit", 4).containsEntry("unblockWindowDays", 10);

        assertOneLineError(TestApplication.cli("tenant", "update", tenant, "--unblock-limit", "0",
                "--domain", "changed-" + tenant + ".example"), "unblockLimit: must be between 1 and 100");
        Map<String, Object> shown = TestApplication.cli("tenant", "show", tenant, "--output", "json").json();
        assertThat(shown).containsEntry("unblockLimit", 4);
        assertThat(shown.get("domains")).isEqualTo(List.of(tenant + ".example"));
    }

    @Test
    void keysAreShownOnceListedWithoutSecretAndRevokedOnce() {
        String tenant = Fixtures.newTenant();
        TestApplication.CliResult created = TestApplication.cli("api-key", "create", "--tenant", tenant,
                "--role", "MAIL_FLOW", "--output", "json");
        assertThat(created.exitCode()).isZero();
        String id = (String) created.json().get("id");
        String key = (String) created.json().get("key");
        assertThat(key).startsWith("sg_" + id + "_");

        TestApplication.CliResult list = TestApplication.cli("api-key", "list", "--tenant", tenant);
        assertThat(list.out()).contains(id).contains("MAIL_FLOW").doesNotContain(key.substring(20));

        assertThat(TestApplication.cli("api-key", "revoke", id).exitCode()).isZero();
        assertOneLineError(TestApplication.cli("api-key", "revoke", id), "already revoked");
        assertThat(TestApplication.cli("api-key", "list", "--tenant", tenant, "--output", "json").out())
                .contains("\"active\":false");
    }

    @Test
    void operatorChangesAreAuditedWithoutSecrets() {
        String tenant = Fixtures.newTenant();
        String admin = Fixtures.newKey(tenant, "GLOBAL_ADMIN");
        TestApplication.CliResult created = TestApplication.cli("api-key", "create", "--tenant", tenant,
                "--role", "MAIL_FLOW", "--output", "json");
        String id = (String) created.json().get("id");
        String secret = ((String) created.json().get("key")).substring(20);
        assertThat(TestApplication.cli("api-key", "revoke", id).exitCode()).isZero();
        assertThat(TestApplication.cli("tenant", "update", tenant, "--unblock-window-days", "9").exitCode()).isZero();

        Http.Response audit = Http.get("/api/v1/audit-log", admin);
        String operator = "operator:" + System.getProperty("user.name");
        assertThat(audit.items()).extracting(r -> r.get("action") + " " + r.get("target") + " by " + r.get("actor"))
                .containsSubsequence("tenant.update tenant:" + tenant + " by " + operator,
                        "api-key.revoke api-key:" + id + " by " + operator,
                        "api-key.create api-key:" + id + " by " + operator,
                        "tenant.create tenant:" + tenant + " by " + operator);
        assertThat(audit.body()).doesNotContain(secret).doesNotContain("secretHash");
    }

    @Test
    void everyCommandHasHelpAndTheToolHasAVersion() {
        List<String[]> commands = new ArrayList<>();
        collect(Senderguard.commandLine(TestApplication.context()), new ArrayList<>(), commands);
        assertThat(commands).extracting(c -> String.join(" ", c))
                .contains("serve --help", "tenant create --help", "api-key revoke --help", "--help");
        for (String[] command : commands) {
            TestApplication.CliResult help = TestApplication.cli(command);
            assertThat(help.exitCode()).as(String.join(" ", command)).isZero();
            assertThat(help.out()).contains("Usage: senderguard");
        }
        TestApplication.CliResult version = TestApplication.cli("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.out()).startsWith("senderguard ");
    }

    @Test
    void noSubcommandIsAUsageError() {
        TestApplication.CliResult result = TestApplication.cli();
        assertThat(result.exitCode()).isEqualTo(2);
        assertThat(result.err()).contains("a subcommand is required: tenant, api-key, restricted, blocklist, reputation, third-party, delist-requests, audit, serve");
    }

    private static void collect(CommandLine command, List<String> path, List<String[]> into) {
        List<String> help = new ArrayList<>(path);
        help.add("--help");
        into.add(help.toArray(String[]::new));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> subPath = new ArrayList<>(path);
            subPath.add(name);
            collect(sub, subPath, into);
        });
    }

    private static void assertOneLineError(TestApplication.CliResult result, String message) {
        assertThat(result.exitCode()).as(result.out() + result.err()).isEqualTo(2);
        assertThat(result.err().strip()).contains(message).doesNotContain("\n");
    }

    /** Splits like a shell: single quotes group words. */
    private static String[] split(String args) {
        List<String> words = new ArrayList<>();
        Matcher m = Pattern.compile("'([^']*)'|(\\S+)").matcher(args);
        while (m.find()) {
            words.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return words.toArray(String[]::new);
    }
}
