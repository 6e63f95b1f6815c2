package org.senderguard.application.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Failed API key authentications per client network (an IPv4 address or an IPv6 /64). A network
 * that has failed {@code limit} times within a window is throttled until that window ends; and
 * the failures since the last report make one log line per {@code reportInterval}, so that an
 * attack is visible without a line per request. Held in memory by each instance: the throttle
 * protects the instance and its database, which a shared count would itself have to ask.
 */
public final class AuthenticationFailures {

    /** Beyond this many networks in the table, failures are only counted in the report, not throttled. */
    static final int MAX_NETWORKS = 100_000;
    private static final int WORST_SHOWN = 5;

    private final int limit;
    private final Duration window;
    private final Duration reportInterval;
    private final Clock clock;
    private final Map<String, Network> networks = new HashMap<>();
    private int untrackedSinceReport;
    private Instant firstSinceReport;

    public AuthenticationFailures(int limit, Duration window, Duration reportInterval, Clock clock) {
        if (limit < 1 || window.isNegative() || window.isZero() || reportInterval.isNegative()) {
            throw new IllegalArgumentException("the authentication failure limit must be at least 1 per window");
        }
        this.limit = limit;
        this.window = window;
        this.reportInterval = reportInterval;
        this.clock = clock;
    }

    /** How long the network must wait, when it has failed too often in its current window. */
    public synchronized Optional<Duration> throttled(String network) {
        Network failed = networks.get(network);
        Instant now = clock.instant();
        if (failed == null || failed.inWindow < limit || !now.isBefore(failed.windowEnd)) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(now, failed.windowEnd));
    }

    /** Counts a failure: a bad key, or a key refused because the network is throttled. */
    public synchronized void failed(String network) {
        Instant now = clock.instant();
        if (firstSinceReport == null) {
            firstSinceReport = now;
        }
        Network failed = networks.get(network);
        if (failed == null) {
            if (networks.size() >= MAX_NETWORKS) {
                untrackedSinceReport++;
                return;
            }
            failed = new Network();
            networks.put(network, failed);
        }
        if (failed.windowEnd == null || !now.isBefore(failed.windowEnd)) {
            failed.windowEnd = now.plus(window);
            failed.inWindow = 0;
        }
        failed.inWindow++;
        failed.sinceReport++;
    }

    /**
     * One line on the failures since the last report, once they span a report interval: how many,
     * from how many networks, how many of them throttled, the worst few. Empty when there is nothing
     * to say yet. Also forgets the networks whose window has ended.
     */
    public synchronized Optional<String> report() {
        Instant now = clock.instant();
        if (firstSinceReport == null || now.isBefore(firstSinceReport.plus(reportInterval))) {
            return Optional.empty();
        }
        Map<String, Integer> failures = new HashMap<>();
        networks.forEach((network, failed) -> {
            if (failed.sinceReport > 0) {
                failures.put(network, failed.sinceReport);
            }
        });
        long throttled = networks.values().stream()
                .filter(failed -> failed.inWindow >= limit && now.isBefore(failed.windowEnd)).count();
        int total = failures.values().stream().mapToInt(Integer::intValue).sum() + untrackedSinceReport;
        String worst = failures.entrySet().stream()
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()))
                .limit(WORST_SHOWN).map(entry -> entry.getKey() + " (" + entry.getValue() + ")")
                .collect(Collectors.joining(", "));
        String line = "failed API key authentications: " + total + " in the last "
                + Duration.between(firstSinceReport, now).toSeconds() + " s from "
                + failures.size() + (untrackedSinceReport > 0 ? "+" : "") + " client networks, " + throttled
                + " throttled (limit " + limit + " per " + window.toSeconds() + " s); most: " + worst;
        networks.values().removeIf(failed -> !now.isBefore(failed.windowEnd));
        networks.values().forEach(failed -> failed.sinceReport = 0);
        untrackedSinceReport = 0;
        firstSinceReport = null;
        return Optional.of(line);
    }

    private static final class Network {
        private Instant windowEnd;
        private int inWindow;
        private int sinceReport;
    }
}
