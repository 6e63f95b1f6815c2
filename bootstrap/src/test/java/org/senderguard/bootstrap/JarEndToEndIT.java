package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as an operator runs it: CLI commands as processes, {@code serve} as a process, and
 * plain HTTP calls, all on one embedded database that CLI and server share.
 */
class JarEndToEndIT {

    static final Pattern KEY = Pattern.compile("\"id\":\"([0-9a-f]{16})\",\"key\":\"(sg_[^\"]+)\"");

    @TempDir
    Path dataDir;

    @Test
    void operatorCreatesTenantAndKeyThenAdminCallsTheApi() throws Exception {
        SenderguardJar jar = new SenderguardJar(dataDir, Map.of());
        SenderguardJar.Run tenant = jar.cli("tenant", "create", "acme", "--domain", "Acme.Example", "--output", "json");
        assertThat(tenant.exitCode()).as(tenant.err()).isZero();
        assertThat(tenant.out().strip()).startsWith("{\"id\":").contains("\"name\":\"acme\"")
                .contains("\"domains\":[\"acme.example\"]");

        for (SenderguardJar.Run bad : List.of(jar.cli("tenant", "create", "Not Valid", "--domain", "x.example"),
                jar.cli("tenant", "create", "valid-name", "--domain", "x..example"),
                jar.cli("api-key", "create", "--tenant", "acme", "--role", "ROOT"))) {
            assertThat(bad.exitCode()).isEqualTo(2);
            assertThat(bad.err().strip()).doesNotContain("\n").doesNotContain("Exception").isNotEmpty();
        }
        assertThat(jar.cli("tenant", "list", "--output", "json").out()).contains("acme").doesNotContain("valid-name");

        String key = key(jar.cli("api-key", "create", "--tenant", "acme", "--role", "GLOBAL_ADMIN", "--output", "json"))
                .group(2);
        try (SenderguardJar.Server server = jar.serve()) {
            HttpResponse<String> tenantResponse = server.get("/api/v1/tenant", key);
            assertThat(tenantResponse.statusCode()).isEqualTo(200);
            assertThat(tenantResponse.body()).contains("\"name\":\"acme\"").contains("\"role\":\"GLOBAL_ADMIN\"");
            assertThat(server.get("/api/v1/tenant", null).statusCode()).isEqualTo(401);

            // The CLI works on the same database while the server runs; a new key works at once, and the
            // server follows a revocation within about half a second (the change feed).
            Matcher second = key(jar.cli("api-key", "create", "--tenant", "acme", "--role", "MAIL_FLOW",
                    "--output", "json"));
            assertThat(server.get("/api/v1/tenant", second.group(2)).body()).contains("\"role\":\"MAIL_FLOW\"");
            assertThat(jar.cli("api-key", "revoke", second.group(1)).exitCode()).isZero();
            assertThat(statusWithin(server, second.group(2), 401)).isEqualTo(401);
            assertThat(server.get("/api/v1/tenant", key).statusCode()).isEqualTo(200);
        }
        // The first start recorded a class-data-sharing archive as it stopped; the second maps it.
        assertThat(dataDir.resolve("cds")).isDirectoryContaining("glob:**.jsa");
        try (SenderguardJar.Server server = jar.serve()) {
            assertThat(server.get("/api/v1/tenant", key).statusCode()).isEqualTo(200);
            // A launcher killed outright (no shutdown hook runs) takes its server down with it.
            List<ProcessHandle> servers = server.process().children().toList();
            assertThat(servers).as("the server runs in the launcher's child").hasSize(1);
            server.process().destroyForcibly();
            assertThat(servers.get(0).onExit().get(60, TimeUnit.SECONDS).isAlive()).isFalse();
        }
        assertThat(jar.cli("tenant", "list").exitCode()).as("the embedded database is free again").isZero();
    }

    @Test
    void helpWorksWithoutTheDatabaseAndAnUnreachableDatabaseIsOneLine() throws Exception {
        SenderguardJar jar = new SenderguardJar(dataDir, Map.of("SENDERGUARD_DB_URL",
                "jdbc:mariadb://127.0.0.1:" + SenderguardJar.freePort() + "/senderguard?connectTimeout=2000"));
        SenderguardJar.Run help = jar.cli("tenant", "list", "--help");
        assertThat(help.exitCode()).as(help.err()).isZero();
        assertThat(help.out()).contains("Usage: senderguard tenant list");

        SenderguardJar.Run typo = jar.cli("tenant", "lsit");
        assertThat(typo.exitCode()).as("a usage error, whatever the database").isEqualTo(2);
        assertThat(typo.err().strip()).startsWith("senderguard: unknown command 'senderguard tenant lsit'; ")
                .contains("list").doesNotContain("\n");

        SenderguardJar.Run list = jar.cli("tenant", "list");
        assertThat(list.exitCode()).isEqualTo(1);
        assertThat(list.err().strip()).startsWith("senderguard: cannot start on the database jdbc:mariadb://127.0.0.1:")
                .doesNotContain("\n").doesNotContain("Exception");
    }

    /** What a cron job relies on: the export is UTF-8 under a POSIX locale, and one cut short is a failure. */
    @Test
    void anExportToStandardOutputIsUtf8AndOneThatCannotBeWrittenFails() throws Exception {
        SenderguardJar jar = new SenderguardJar(dataDir, Map.of());
        Path csv = Files.writeString(dataDir.resolve("list.csv"), "type,value,reason\nDOMAIN,spam.example,Spam caf\u00e9 \u2709\n");
        assertThat(jar.cli("blocklist", "import", csv.toString()).exitCode()).isZero();

        SenderguardJar.Run export = jar.cli(Map.of("LC_ALL", "C", "LANG", "C"), "blocklist", "export");
        assertThat(export.exitCode()).as(export.err()).isZero();
        assertThat(export.out()).contains("DOMAIN,spam.example,Spam caf\u00e9 \u2709");

        SenderguardJar.Run full = jar.cliWritingTo(Path.of("/dev/full"), "blocklist", "export");
        assertThat(full.exitCode()).isEqualTo(1);
        assertThat(full.err().strip()).isEqualTo("senderguard: failed: cannot write to standard output");
    }

    @Test
    void aBadSettingOrServeAddressIsOneLineAndExitStatus2() throws Exception {
        SenderguardJar jar = new SenderguardJar(dataDir, Map.of());
        Map<String, SenderguardJar.Run> runs = Map.of(
                "SENDERGUARD_DNS_TIMEOUT: 'bogus' is not a duration",
                jar.cli(Map.of("SENDERGUARD_DNS_TIMEOUT", "bogus"), "tenant", "list"),
                "SENDERGUARD_BLOCKLIST_WIDEST_IPV4: 'abc' is not a whole number",
                jar.cli(Map.of("SENDERGUARD_BLOCKLIST_WIDEST_IPV4", "abc"), "tenant", "list"),
                "SENDERGUARD_BLOCKLIST_WIDEST_IPV4 (40) and SENDERGUARD_BLOCKLIST_WIDEST_IPV6 (32): ",
                jar.cli(Map.of("SENDERGUARD_BLOCKLIST_WIDEST_IPV4", "40"), "tenant", "list"),
                "SENDERGUARD_LOG_LEVEL: 'loud' is not one of trace, debug, info, warn, error, off",
                jar.cli(Map.of("SENDERGUARD_LOG_LEVEL", "loud"), "tenant", "list"),
                "SENDERGUARD_DB_ULR is not a setting of senderguard (did you mean SENDERGUARD_DB_URL?)",
                jar.cli(Map.of("SENDERGUARD_DB_ULR", "jdbc:mariadb://127.0.0.1:3306/x"), "serve"),
                "Invalid value for option '--port': 70000 is not a port number (1-65535)",
                jar.cli("serve", "--port", "70000"),
                "Invalid value for option '--host': '999.1.1.1' is neither an IP address nor a host name",
                jar.cli("serve", "--host", "999.1.1.1"));
        runs.forEach((says, run) -> {
            assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
            assertThat(run.err().strip()).as("one line").contains(says).doesNotContain("\n")
                    .doesNotContain("Exception");
        });
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            SenderguardJar.Run busy = jar.cli("serve", "--port", String.valueOf(taken.getLocalPort()));
            assertThat(busy.exitCode()).as("not the operator's typo, but the machine's state").isEqualTo(1);
            assertThat(busy.err().strip()).as("one line, naming the address").isEqualTo("senderguard: failed: "
                    + "Unable to start Micronaut server on 127.0.0.1:" + taken.getLocalPort() + ": Address already in use");
        }
    }

    /** The status of GET /api/v1/tenant with the key, once it is {@code expected} or after 5 s. */
    private static int statusWithin(SenderguardJar.Server server, String key, int expected) throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        int status;
        while ((status = server.get("/api/v1/tenant", key).statusCode()) != expected && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return status;
    }

    static Matcher key(SenderguardJar.Run run) {
        assertThat(run.exitCode()).as(run.err()).isZero();
        Matcher matcher = KEY.matcher(run.out());
        assertThat(matcher.find()).as(run.out()).isTrue();
        return matcher;
    }
}
