package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.senderguard.adapters.dns.MimicLists;
import org.senderguard.adapters.dns.RequiresRbldnsd;

/**
 * Third-party lists over the built jar, against rbldnsd serving zones that answer like the real
 * lists: the operator points the seeded lists at them; a check of 127.0.0.2 shows the listings with
 * their meanings and portals; an error answer is refused, not listed; an admin's delisting request
 * resolves once the value has left the zone.
 */
@RequiresRbldnsd
class ThirdPartyScenarioIT {

    @TempDir
    Path dataDir;

    @Test
    void checkRefuseAndResolveADelisting() throws Exception {
        SenderguardJar jar = new SenderguardJar(dataDir, Map.of("SENDERGUARD_DNS_RESOLVER", TestDns.resolver()));
        assertThat(jar.cli("tenant", "create", "contoso", "--domain", "contoso.example").exitCode()).isZero();
        String admin = JarEndToEndIT.key(jar.cli("api-key", "create", "--tenant", "contoso", "--role",
                "GLOBAL_ADMIN", "--output", "json")).group(2);
        assertThat(jar.cli("third-party", "update", "Spamhaus ZEN", "--zone", MimicLists.ZEN).exitCode()).isZero();
        assertThat(jar.cli("third-party", "update", "SURBL", "--zone", MimicLists.SURBL).exitCode()).isZero();
        assertThat(jar.cli("third-party", "add", "Changing", "--zone", TestDns.CHANGING_ZONE, "--lists", "IP",
                "--answers", "PLAIN", "--delist-url", "https://changing.example/delist").exitCode()).isZero();

        SenderguardJar.Run check = jar.cli("reputation", "check", "127.0.0.2");
        assertThat(check.exitCode()).as(check.err()).isZero();
        assertThat(check.out()).contains("Spamhaus ZEN").contains("LISTED").contains("SBL").contains("XBL")
                .contains("PBL").contains("https://check.spamhaus.org/");
        SenderguardJar.Run refused = jar.cli("reputation", "check", "192.0.2.254", "--output", "json");
        assertThat(refused.out()).contains("{\"list\":\"Spamhaus ZEN\",\"status\":\"REFUSED\"")
                .doesNotContain("\"status\":\"LISTED\"");

        try (SenderguardJar.Server server = jar.serve()) {
            assertThat(server.get("/api/v1/listings?value=127.0.0.2", admin).body()).contains("\"listed\":true")
                    .contains("\"list\":\"Spamhaus ZEN\",\"status\":\"LISTED\"");
            String requested = server.call("POST", "/api/v1/delisting-requests", admin, "{\"value\":\""
                    + TestDns.CHANGING_LISTED + "\",\"list\":\"Changing\",\"reason\":\"relay fixed\"}").body();
            assertThat(requested).contains("\"status\":\"PENDING\"");

            TestDns.server().update(TestDns.changingZone());
            try {
                assertThat(jar.cli("reputation", "check", TestDns.CHANGING_LISTED, "--output", "json").out())
                        .contains("{\"list\":\"Changing\",\"status\":\"NOT_LISTED\"");
                assertThat(server.get("/api/v1/delisting-requests", admin).body()).contains("\"status\":\"RESOLVED\"")
                        .contains("no longer listed on Changing");
            } finally {
                TestDns.server().update(TestDns.changingZone(TestDns.CHANGING_LISTED));
            }
        }
    }
}
