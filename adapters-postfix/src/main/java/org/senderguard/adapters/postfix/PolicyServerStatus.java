package org.senderguard.adapters.postfix;

import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the policy server is doing, for operators (its log) and for a health report: where it
 * listens, its fail mode, and the requests it has answered without a decision (the database was
 * away, a decision took longer than the decision timeout, or failed). Such answers are never
 * silent: one warning when they start, at most one line every {@link #REPORT_EVERY} while they go
 * on (with their count), and one line when a decision succeeds again.
 *
 * <p>When some requests are decided and others not (a database that answers some requests in time
 * and not others), undecided answers start and stop again and again; then these lines are still
 * at most one per {@link #REPORT_EVERY}: an undecided run that starts within that time of the last
 * line continues the run before it, and the line that says decisions resumed waits for the next
 * decision after that time. Safe to use from any thread.
 */
public final class PolicyServerStatus {

    static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final int MAX_REASON = 300;
    private static final Logger LOG = LoggerFactory.getLogger(PolicyServerStatus.class);

    private final FailMode failMode;
    private final Clock clock;
    private final AtomicLong undecidedTotal = new AtomicLong();
    private volatile InetSocketAddress listening;
    /** The current run of undecided answers; null while requests are decided. */
    private volatile Run run;
    /** A run that ended without its line yet, because the last line was too recent. */
    private volatile Run endedUnreported;
    private Instant lastLine = Instant.MIN;

    PolicyServerStatus(FailMode failMode) {
        this(failMode, Clock.systemUTC());
    }

    PolicyServerStatus(FailMode failMode, Clock clock) {
        this.failMode = failMode;
        this.clock = clock;
    }

    public FailMode failMode() {
        return failMode;
    }

    /** Requests answered without a decision since the server started. */
    public long undecidedTotal() {
        return undecidedTotal.get();
    }

    /** Since when requests have been answered without a decision; empty while decisions are made. */
    public Optional<Instant> undecidedSince() {
        Run current = run;
        return current == null ? Optional.empty() : Optional.of(current.since);
    }

    /** The address the server listens on; empty before it started and after it stopped. */
    public Optional<InetSocketAddress> listening() {
        return Optional.ofNullable(listening);
    }

    void listening(InetSocketAddress address) {
        listening = address;
    }

    /** A request was answered by the fail mode, because of {@code reason}. */
    synchronized void undecided(String reason) {
        undecidedTotal.incrementAndGet();
        Instant now = clock.instant();
        String why = oneLine(reason);
        if (run == null) {
            if (endedUnreported != null) {
                run = endedUnreported; // the run before goes on: its end was never reported
                endedUnreported = null;
            } else {
                run = new Run(now);
                if (due(now)) {
                    lastLine = now;
                    run.count++;
                    LOG.warn("The Postfix policy server cannot decide ({}); answering {} until decisions resume", why,
                            failMode.actionName());
                    return;
                }
            }
        }
        run.count++;
        if (due(now)) {
            lastLine = now;
            LOG.warn("The Postfix policy server has not decided for {} s: {} requests answered {} so far ({})",
                    seconds(run.since, now), run.count, failMode.actionName(), why);
        }
    }

    /** A request was decided. */
    void decided() {
        if (run != null || endedUnreported != null) {
            resumed();
        }
    }

    private synchronized void resumed() {
        Instant now = clock.instant();
        Run ended = run != null ? run : endedUnreported;
        if (ended == null) {
            return;
        }
        run = null;
        if (due(now)) {
            lastLine = now;
            endedUnreported = null;
            LOG.info("The Postfix policy server decides again, after {} s in which {} requests were answered {}",
                    seconds(ended.since, now), ended.count, failMode.actionName());
        } else {
            endedUnreported = ended;
        }
    }

    private boolean due(Instant now) {
        return !now.isBefore(lastLine.plus(REPORT_EVERY));
    }

    private static long seconds(Instant since, Instant now) {
        return Duration.between(since, now).toSeconds();
    }

    /** The first line of a failure's message, shortened: a database error may quote a whole statement. */
    private static String oneLine(String reason) {
        String line = reason == null ? "unknown" : reason.lines().findFirst().orElse("unknown").strip();
        return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON) + "...";
    }

    /** One run of undecided answers: since when, and how many. */
    private static final class Run {

        private final Instant since;
        private long count;

        Run(Instant since) {
            this.since = since;
        }
    }
}
