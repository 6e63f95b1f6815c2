package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The table agrees with a map while it grows, shifts entries back on removal and shrinks again. */
class IpTableTest {

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void agreesWithAMapThroughGrowthRemovalsAndShrinking(boolean ipv6) {
        IpTable table = new IpTable(ipv6);
        Map<Long, Integer> model = new HashMap<>();
        Random random = new Random(7);
        int universe = 20_000; // keys drawn from few, so that sets replace and removals hit
        for (int round = 0; round < 4; round++) {
            for (int i = 0; i < 30_000; i++) {
                long key = random.nextInt(universe);
                if (random.nextInt(3) == 0) {
                    table.set(high(ipv6, key), low(ipv6, key), IpTable.NONE);
                    model.remove(key);
                } else {
                    int value = random.nextInt(Integer.MAX_VALUE - 1);
                    table.set(high(ipv6, key), low(ipv6, key), value);
                    model.put(key, value);
                }
            }
            assertAgrees(table, model, universe, ipv6);
            for (long key = 0; key < universe; key++) { // removal-heavy: all but a few go
                if (key % 97 != 0) {
                    table.set(high(ipv6, key), low(ipv6, key), IpTable.NONE);
                    model.remove(key);
                }
            }
            assertAgrees(table, model, universe, ipv6);
        }
    }

    private static void assertAgrees(IpTable table, Map<Long, Integer> model, int universe, boolean ipv6) {
        assertThat(table.size()).isEqualTo(model.size());
        for (long key = 0; key < universe; key++) {
            assertThat(table.get(high(ipv6, key), low(ipv6, key))).isEqualTo(model.getOrDefault(key, IpTable.NONE));
        }
    }

    /** IPv4 keys spread over the 32 bits, 0 included; IPv6 keys differing in either half. */
    private static long high(boolean ipv6, long key) {
        return ipv6 ? (key & 1) << 63 | key >>> 1 : 0L;
    }

    private static long low(boolean ipv6, long key) {
        return ipv6 ? key * 0x1_0000_0001L : key * 214_013L & 0xFFFF_FFFFL;
    }
}
