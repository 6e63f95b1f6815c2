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
 * silent: one warning when they start, at most one every {@link #REPORT_EVERY} while they go on,
 * and one line when a decision succeeds again. Safe to read from any thread.
 */
public final class PolicyServerStatus {

    static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(PolicyServerStatus.class);

    private final FailMode failMode;
    private final Clock clock;
    private final AtomicLong undecidedTotal = new AtomicLong();
    private volatile InetSocketAddress listening;
    /** Set while undecided answers go on: since when, how many in this run, when last reported. */
    private volatile Outage outage;

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
        Outage current = outage;
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
        Outage current = outage;
        if (current == null) {
            outage = new Outage(now);
            outage.count = 1;
            LOG.warn("The Postfix policy server cannot decide ({}); answering {} until decisions resume", reason,
                    failMode.actionName());
            return;
        }
        current.count++;
        if (!now.isBefore(current.reported.plus(REPORT_EVERY))) {
            current.reported = now;
            LOG.warn("The Postfix policy server still cannot decide, for {} s: {} requests answered {} so far ({})",
                    Duration.between(current.since, now).toSeconds(), current.count,
                    failMode.actionName(), reason);
        }
    }

    /** A request was decided. */
    void decided() {
        if (outage != null) {
            resumed();
        }
    }

    private synchronized void resumed() {
        Outage ended = outage;
        if (ended != null) {
            outage = null;
            LOG.info("The Postfix policy server decides again, after {} s in which {} requests were answered {}",
                    Duration.between(ended.since, clock.instant()).toSeconds(), ended.count,
                    failMode.actionName());
        }
    }

    private static final class Outage {

        private final Instant since;
        private Instant reported;
        private long count;

        Outage(Instant since) {
            this.since = since;
            this.reported = since;
        }
    }
}
