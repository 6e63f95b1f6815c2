package org.senderguard.bootstrap;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.senderguard.adapters.dns.MimicLists;
import org.senderguard.adapters.dns.Rbldnsd;

/**
 * One real DNS server for all of bootstrap's tests: rbldnsd serving zones that answer like the
 * seeded third-party lists, and a zone whose content a test changes to see a value leave a list.
 */
final class TestDns {

    static final String CHANGING_ZONE = "changing.bl.test";
    static final String CHANGING_LISTED = "192.0.2.77";
    private static Rbldnsd server;

    private TestDns() {
    }

    static synchronized Rbldnsd server() {
        if (server == null) {
            List<Rbldnsd.Zone> zones = new ArrayList<>(MimicLists.zones());
            zones.add(changingZone(CHANGING_LISTED));
            server = Rbldnsd.start(zones);
        }
        return server;
    }

    /** The changing zone, listing only {@code listed} (none when empty). */
    static Rbldnsd.Zone changingZone(String... listed) {
        return Rbldnsd.Zone.of(CHANGING_ZONE, "ip4set", "$TTL 300\n:127.0.0.2:Listed\n" + String.join("\n", listed)
                + "\n");
    }

    /** The resolver setting that sends the application's DNS queries to it. */
    static String resolver() {
        return server().address();
    }

    /**
     * The settings for an application under test: queries go to the test server. Where rbldnsd is
     * not installed (and not required), they go to a loopback port nobody answers on, with a short
     * timeout, so that the tests that do not need DNS are not slowed down.
     */
    static Map<String, String> settings() {
        boolean available = "true".equalsIgnoreCase(System.getenv("CI")) || Rbldnsd.unavailableReason().isEmpty();
        return available ? Map.of("senderguard.dns.resolver", resolver())
                : Map.of("senderguard.dns.resolver", "127.0.0.1:9", "senderguard.dns.timeout", "50ms");
    }

    /** {@link #settings()} as the jar's environment variables. */
    static Map<String, String> environment() {
        Map<String, String> environment = new HashMap<>();
        settings().forEach((name, value) -> environment.put(name.toUpperCase(Locale.ROOT).replace('.', '_'), value));
        return environment;
    }
}
