package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Keys are found by kind and text, keep their numbers and values, and survive removals and compaction. */
class KeyTableTest {

    @Test
    void agreesWithAMapThroughGrowthRemovalsAndCompaction() {
        KeyTable table = new KeyTable();
        Map<String, Integer> numbers = new HashMap<>();
        Random random = new Random(11);
        for (int round = 0; round < 3; round++) {
            for (int i = 0; i < 20_000; i++) {
                int kind = random.nextInt(4);
                String text = text(random.nextInt(8_000));
                String id = kind + text;
                if (random.nextInt(3) == 0 && numbers.containsKey(id)) {
                    table.remove(numbers.remove(id));
                } else {
                    int key = table.add(kind, text, i);
                    assertThat(numbers.putIfAbsent(id, key)).isIn(null, key);
                }
            }
            // Removal-heavy: most keys go, the arena is compacted, the table shrinks.
            for (String id : numbers.keySet().toArray(String[]::new)) {
                if (id.hashCode() % 13 != 0) {
                    table.remove(numbers.remove(id));
                }
            }
            assertThat(table.size()).isEqualTo(numbers.size());
            numbers.forEach((id, key) -> {
                int kind = id.charAt(0) - '0';
                String text = id.substring(1);
                assertThat(table.find(kind, text)).isEqualTo(key);
                assertThat(table.text(key)).isEqualTo(text);
                assertThat(table.kind(key)).isEqualTo(kind);
            });
        }
    }

    @Test
    void aKeyIsFoundAsAConcatenationWithoutBeingBuilt() {
        KeyTable table = new KeyTable();
        int url = table.add(2, "*.example.com/p/q", 5);
        int wide = table.add(0, "jürgen.ŝ@example.com", 6);
        String text = "*.example.com/p/q";
        assertThat(table.find(2, text.hashCode(), true, "x.example.com", 1, "/p/q/r", 4)).isEqualTo(url);
        assertThat(table.find(2, text.hashCode(), true, "x.example.com", 1, "/p/qr", 5)).isEqualTo(KeyTable.NONE);
        assertThat(table.find(1, text)).isEqualTo(KeyTable.NONE); // another kind
        assertThat(table.find(0, "jürgen.ŝ@example.com")).isEqualTo(wide);
        assertThat(table.text(wide)).isEqualTo("jürgen.ŝ@example.com");
        assertThat(table.value(url)).isEqualTo(5);
    }

    /** Short and long texts, some beyond Latin-1. */
    private static String text(int n) {
        String base = "k" + n + (n % 5 == 0 ? "-" + "x".repeat(n % 300) : "");
        return n % 7 == 0 ? base + "ŝ" : base;
    }
}
