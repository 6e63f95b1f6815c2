package org.senderguard.benchmarks;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.senderguard.domain.blocklist.BlockListIndex;
import org.senderguard.domain.blocklist.BlockedValue;
import org.senderguard.domain.blocklist.EntryType;
import org.senderguard.domain.blocklist.ListedEntry;
import org.senderguard.domain.blocklist.Probe;

/**
 * Single-threaded lookups per second in an in-memory block-list index of 10,000 and of 1,000,000
 * random entries, for IP, address (sender domain) and URL probes, about half of which are listed;
 * and the heap each index takes.
 *
 * <p>The mix is what a service list looks like: mostly single IPv4 addresses, some IPv4 ranges of
 * many prefix lengths, some IPv6 addresses and ranges, domains (exact and {@code *.}), URLs and a
 * few senders. "lookup" times {@link BlockListIndex#matches} with probes parsed beforehand;
 * "parse + lookup" includes parsing the probe's text, as a request would. Each figure is the median
 * of three rounds after a warm-up. For each larger size it prints how many times slower lookups are
 * than at the first; for each size, how long loading the entries takes one by one ({@code put}) and
 * all at once ({@code putAll}), and the heap the index takes (used heap after a GC with the index,
 * minus without it); and, as the floor a lookup that finds its entry pays at that size, how long a read
 * at random in an array as big as the index takes when it waits for the read before it.
 *
 * <p>Arguments (all optional): {@code seconds} per measurement (default 3), then the list sizes
 * (default 10000 1000000); {@code --listed} or {@code --unlisted} anywhere makes every probe one
 * that was picked from the list, or none (a random one may still hit), to time the two apart. Run
 * with a heap that fits the largest list, e.g. {@code -Xmx2g}.
 */
public final class BlockListLookupBenchmark {

    private static final Instant NOW = Instant.parse("2025-03-01T12:00:00Z");
    private static final String[] TLDS = {"com", "net", "org", "co.uk", "de", "info", "xyz", "ru", "com.br", "io"};
    private static final int PROBES = 1 << 16;
    private static final int SAMPLES = 50_000;

    private BlockListLookupBenchmark() {
    }

    /** The probes of one kind, hits and misses interleaved, as parsed probes and as text. */
    private record Probes(String kind, Probe[] parsed, String[] text, Function<String, Probe> parser) {
    }

    /** Which probes are picked from the list: every other one, all or none. */
    private enum Picked {
        HALF, ALL, NONE;

        boolean fromList(int probe) {
            return this == ALL || this == HALF && probe % 2 == 0;
        }
    }

    private static Picked picked = Picked.HALF;

    public static void main(String[] args) {
        List<String> numbers = new ArrayList<>();
        for (String arg : args) {
            switch (arg) {
                case "--listed" -> picked = Picked.ALL;
                case "--unlisted" -> picked = Picked.NONE;
                default -> numbers.add(arg);
            }
        }
        Duration measure = Duration.ofSeconds(numbers.isEmpty() ? 3 : Long.parseLong(numbers.get(0)));
        List<Integer> sizes = new ArrayList<>();
        for (int i = 1; i < numbers.size(); i++) {
            sizes.add(Integer.parseInt(numbers.get(i)));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(10_000, 1_000_000);
        }
        System.out.printf("%d s per measurement (3 rounds, median), single thread, per second of its CPU time, %d distinct"
                + " probes per kind, %s picked from the list%n%n",
                measure.toSeconds(), PROBES, switch (picked) {
                    case HALF -> "half";
                    case ALL -> "all";
                    case NONE -> "none";
                });
        System.out.printf("%10s  %-7s  %14s  %22s  %6s  %s%n", "entries", "probe", "lookups/s", "parse + lookup/s",
                "hits", "slower than the first size");
        warmUp(measure);
        Map<String, Double> firstRates = new HashMap<>();
        for (int size : sizes) {
            Random random = new Random(size);
            Samples samples = new Samples();
            List<ListedEntry> entries = entries(size, random, samples);
            double putAllSeconds = putAllSeconds(entries);
            long before = usedHeapAfterGc();
            long start = THREADS.getCurrentThreadCpuTime();
            BlockListIndex index = new BlockListIndex();
            entries.forEach(index::put);
            double putSeconds = cpuSecondsSince(start);
            entries = null;
            List<Probes> kinds = List.of(ipProbes(samples, random), addressProbes(samples, random),
                    urlProbes(samples, random));
            for (Probes probes : kinds) {
                double rate = measureLookups(index, probes, measure, size, firstRates.get(probes.kind()));
                firstRates.putIfAbsent(probes.kind(), rate);
            }
            // The probes and samples stay reachable: only the index is let go between the two readings.
            long withIndex = usedHeapAfterGc();
            keep(index);
            index = null;
            long withoutIndex = usedHeapAfterGc();
            long heap = withIndex - withoutIndex;
            System.out.printf("%10s  put one by one in %.2f CPU s, all at once (putAll) in %.2f CPU s; heap of the index"
                    + " %,d MB (%,d bytes per entry; %,d MB grown since before building)%n",
                    String.format(Locale.ROOT, "%,d", size), putSeconds, putAllSeconds, heap >> 20, heap / size,
                    (withIndex - before) >> 20);
            System.out.printf("%10s  a read at random in %,d MB (the index's heap), each waiting for the one before: %.0f ns%n",
                    String.format(Locale.ROOT, "%,d", size), Math.max(1, heap >> 20), HostReference.dependentReadNanos(heap));
            keep(kinds);
            keep(samples);
        }
    }

    /**
     * Runs every kind of probe against a small index of its own before anything is measured, so that
     * every size is measured with the same compiled code: compiled for the first kind measured only,
     * the lookup would be compiled again in the middle of the first size's figures.
     */
    private static void warmUp(Duration measure) {
        Random random = new Random(1);
        Samples samples = new Samples();
        BlockListIndex index = new BlockListIndex();
        index.putAll(entries(10_000, random, samples));
        for (Probes probes : List.of(ipProbes(samples, random), addressProbes(samples, random),
                urlProbes(samples, random))) {
            run(index, probes, measure, false);
            run(index, probes, measure.dividedBy(2), true);
        }
    }

    /** Loads the entries into an index of their own at once, as a start from a snapshot does; the index is let go. */
    private static double putAllSeconds(List<ListedEntry> entries) {
        long start = THREADS.getCurrentThreadCpuTime();
        BlockListIndex index = new BlockListIndex();
        index.putAll(entries);
        double seconds = cpuSecondsSince(start);
        keep(index);
        return seconds;
    }

    /** CPU seconds of the current thread since {@code start} (its CPU time then, in nanoseconds). */
    private static double cpuSecondsSince(long start) {
        return (THREADS.getCurrentThreadCpuTime() - start) / 1e9;
    }

    // ---- the list ------------------------------------------------------------------------------

    /** Values of listed entries, kept to derive probes that hit. */
    private static final class Samples {
        final List<String> ipv4 = new ArrayList<>();
        final List<String> ipv4Ranges = new ArrayList<>();
        final List<String> ipv6 = new ArrayList<>();
        final List<String> domains = new ArrayList<>();
        final List<String> urls = new ArrayList<>();

        void offer(List<String> list, String value, Random random, int size) {
            if (list.size() < SAMPLES && random.nextInt(Math.max(1, size / SAMPLES)) == 0) {
                list.add(value);
            }
        }
    }

    private static List<ListedEntry> entries(int size, Random random, Samples samples) {
        List<ListedEntry> entries = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            int kind = random.nextInt(100);
            EntryType type;
            String value;
            if (kind < 70) {
                type = EntryType.IP;
                value = dotted(random.nextInt());
                samples.offer(samples.ipv4, value, random, size);
            } else if (kind < 78) {
                type = EntryType.IP;
                int prefix = 16 + random.nextInt(16);
                value = dotted(random.nextInt() & (int) (0xFFFF_FFFFL << (32 - prefix))) + "/" + prefix;
                samples.offer(samples.ipv4Ranges, value, random, size);
            } else if (kind < 85) {
                type = EntryType.IP;
                boolean single = random.nextBoolean();
                int prefix = single ? 128 : 32 + 8 * random.nextInt(5);
                long high = 0x2000_0000_0000_0000L | random.nextLong() >>> 3;
                long low = random.nextLong();
                value = ipv6(prefix >= 64 ? high : high & (-1L << (64 - prefix)), prefix == 128 ? low : 0)
                        + (single ? "" : "/" + prefix);
                samples.offer(samples.ipv6, value, random, size);
            } else if (kind < 93) {
                type = EntryType.DOMAIN;
                value = (random.nextInt(10) < 3 ? "*." : "") + domain(random);
                samples.offer(samples.domains, value, random, size);
            } else if (kind < 98) {
                type = EntryType.URL;
                value = (random.nextInt(10) < 2 ? "*." : "") + domain(random) + path(random, 1 + random.nextInt(3));
                samples.offer(samples.urls, value, random, size);
            } else {
                type = EntryType.SENDER;
                value = label(random, 4, 10) + "@" + domain(random);
            }
            entries.add(new ListedEntry(new UUID(random.nextLong(), random.nextLong()), BlockedValue.parse(type, value),
                    type == EntryType.IP ? null : NOW.plus(Duration.ofDays(1 + random.nextInt(60))), true, Set.of()));
        }
        return entries;
    }

    // ---- probes --------------------------------------------------------------------------------

    private static Probes ipProbes(Samples samples, Random random) {
        String[] text = new String[PROBES];
        for (int i = 0; i < PROBES; i++) {
            boolean hit = picked.fromList(i);
            int kind = random.nextInt(10);
            if (kind < 8) {
                text[i] = hit ? pick(samples.ipv4, random) : dotted(random.nextInt());
            } else if (kind < 9) {
                text[i] = hit ? inRange(pick(samples.ipv4Ranges, random), random) : dotted(random.nextInt());
            } else {
                text[i] = hit ? inIpv6(pick(samples.ipv6, random), random)
                        : ipv6(0x2000_0000_0000_0000L | random.nextLong() >>> 3, random.nextLong());
            }
        }
        return parseAll("IP", text, Probe::ip);
    }

    private static Probes addressProbes(Samples samples, Random random) {
        String[] text = new String[PROBES];
        for (int i = 0; i < PROBES; i++) {
            String domain = picked.fromList(i) ? pick(samples.domains, random) : domain(random);
            if (domain.startsWith("*.")) {
                domain = label(random, 2, 6) + domain.substring(1);
            }
            text[i] = label(random, 4, 10) + "@" + domain;
        }
        return parseAll("address", text, Probe::parse);
    }

    private static Probes urlProbes(Samples samples, Random random) {
        String[] text = new String[PROBES];
        for (int i = 0; i < PROBES; i++) {
            String url = picked.fromList(i) ? pick(samples.urls, random) : label(random, 2, 5) + "." + domain(random)
                    + path(random, 1 + random.nextInt(3));
            if (url.startsWith("*.")) {
                url = "www" + url.substring(1);
            }
            text[i] = "https://" + url + path(random, random.nextInt(3)) + "?utm_source=mail&id="
                    + random.nextInt(1_000_000);
        }
        return parseAll("URL", text, Probe::url);
    }

    private static Probes parseAll(String kind, String[] text, Function<String, Probe> parser) {
        Probe[] parsed = new Probe[text.length];
        for (int i = 0; i < text.length; i++) {
            parsed[i] = parser.apply(text[i]);
        }
        return new Probes(kind, parsed, text, parser);
    }

    // ---- measuring -----------------------------------------------------------------------------

    /** Prints and returns the lookups per second; {@code firstRate}: that of the first size, null for the first. */
    private static double measureLookups(BlockListIndex index, Probes probes, Duration measure, int size,
            Double firstRate) {
        int hits = 0;
        for (Probe probe : probes.parsed()) {
            hits += index.matches(probe, NOW).isEmpty() ? 0 : 1;
        }
        double lookups = median(index, probes, measure, false);
        double parsed = median(index, probes, measure, true);
        System.out.printf("%10s  %-7s  %,14.0f  %,22.0f  %5.1f%%  %s%n", String.format(Locale.ROOT, "%,d", size),
                probes.kind(), lookups, parsed, 100.0 * hits / probes.parsed().length,
                firstRate == null ? "" : String.format(Locale.ROOT, "%.2f times", firstRate / lookups));
        return lookups;
    }

    /** After a warm-up, the median of three rounds: the machine may be busy with other work now and then. */
    private static double median(BlockListIndex index, Probes probes, Duration measure, boolean parse) {
        run(index, probes, measure.dividedBy(2), parse);
        double[] rounds = new double[3];
        for (int i = 0; i < rounds.length; i++) {
            rounds[i] = run(index, probes, measure.dividedBy(rounds.length), parse);
        }
        Arrays.sort(rounds);
        return rounds[1];
    }

    private static long sink;
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    /**
     * Lookups per second of the measuring thread's CPU time, in batches of all the probes so that the
     * clocks are read rarely: on a machine shared with other work, time spent waiting for a core
     * would say more about that work than about the index.
     */
    private static double run(BlockListIndex index, Probes probes, Duration duration, boolean parse) {
        Probe[] parsed = probes.parsed();
        String[] text = probes.text();
        long found = 0;
        long count = 0;
        long end = System.nanoTime() + duration.toNanos();
        long cpuStart = THREADS.getCurrentThreadCpuTime();
        do {
            for (int i = 0; i < parsed.length; i++) {
                Probe probe = parse ? probes.parser().apply(text[i]) : parsed[i];
                found += index.matches(probe, NOW).size();
            }
            count += parsed.length;
        } while (System.nanoTime() < end);
        long cpu = THREADS.getCurrentThreadCpuTime() - cpuStart;
        sink += found;
        return count / (cpu / 1e9);
    }

    private static long usedHeapAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 4; i++) {
            System.gc();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            used = Math.min(used, runtime.totalMemory() - runtime.freeMemory());
        }
        return used;
    }

    private static void keep(Object o) {
        sink += System.identityHashCode(o) & 1;
    }

    // ---- random values -------------------------------------------------------------------------

    private static String pick(List<String> list, Random random) {
        return list.get(random.nextInt(list.size()));
    }

    private static String label(Random random, int min, int max) {
        char[] chars = new char[min + random.nextInt(max - min + 1)];
        for (int i = 0; i < chars.length; i++) {
            chars[i] = (char) ('a' + random.nextInt(26));
        }
        return new String(chars);
    }

    private static String domain(Random random) {
        return (random.nextInt(4) == 0 ? label(random, 2, 6) + "." : "") + label(random, 5, 12) + "."
                + TLDS[random.nextInt(TLDS.length)];
    }

    private static String path(Random random, int segments) {
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < segments; i++) {
            path.append('/').append(label(random, 1, 8));
        }
        return path.toString();
    }

    private static String dotted(int ip) {
        return (ip >>> 24) + "." + (ip >>> 16 & 0xFF) + "." + (ip >>> 8 & 0xFF) + "." + (ip & 0xFF);
    }

    private static String ipv6(long high, long low) {
        StringBuilder text = new StringBuilder(40);
        for (int i = 0; i < 8; i++) {
            long half = i < 4 ? high : low;
            text.append(i == 0 ? "" : ":").append(Long.toHexString(half >>> (48 - 16 * (i % 4)) & 0xFFFF));
        }
        return text.toString();
    }

    /** An address inside an IPv4 range written a.b.c.d/p. */
    private static String inRange(String range, Random random) {
        String[] parts = range.split("[./]");
        int network = Integer.parseInt(parts[0]) << 24 | Integer.parseInt(parts[1]) << 16
                | Integer.parseInt(parts[2]) << 8 | Integer.parseInt(parts[3]);
        int prefix = Integer.parseInt(parts[4]);
        return dotted(network | (random.nextInt() & (int) ~(0xFFFF_FFFFL << (32 - prefix))));
    }

    /** The address itself, or one inside the range. */
    private static String inIpv6(String value, Random random) {
        int slash = value.indexOf('/');
        if (slash < 0) {
            return value;
        }
        // The sampled ranges are written in full (eight groups), as built above: fill the host bits.
        String[] groups = value.substring(0, slash).split(":");
        int prefix = Integer.parseInt(value.substring(slash + 1));
        long high = 0;
        for (int i = 0; i < 4; i++) {
            high = high << 16 | Long.parseLong(groups[i], 16);
        }
        long hostBits = prefix >= 64 ? 0 : -1L >>> prefix;
        return ipv6(high | (random.nextLong() & hostBits), random.nextLong());
    }
}
