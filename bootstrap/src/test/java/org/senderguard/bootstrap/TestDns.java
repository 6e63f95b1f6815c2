package org.senderguard.bootstrap;

import java.util.ArrayList;
import java.util.List;
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
}
