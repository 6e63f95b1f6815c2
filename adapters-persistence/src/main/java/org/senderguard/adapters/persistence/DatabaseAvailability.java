package org.senderguard.adapters.persistence;

import io.micronaut.context.env.Environment;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.LockWaitTimeoutException;
import org.senderguard.application.port.out.DatabaseMeter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Whether the database answers, as the work done on it and {@link DatabaseProbe} find. Work that
 * cannot reach it fails with {@link DatabaseUnavailableException}; once it is known to be away,
 * work is refused at once instead of each request waiting out the timeout. Whether it is back is
 * found out by the probe where one runs (the server), otherwise by letting one piece of work through
 * now and then. An outage is logged in a few lines: when it starts, every {@link #REPORT_EVERY}
 * while it lasts, and when it ends. A CLI command keeps no outage: it tries the database each time,
 * and its failure is the command's one line.
 */
@Singleton
public class DatabaseAvailability {

    static final Duration REPORT_EVERY = Duration.ofSeconds(10);
    /** While the database is away, how long work is refused at once before one more try may go through. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseAvailability.class);

    private final Clock clock;
    private final DatabaseMeter meter;
    private final boolean cli;
    private volatile Outage outage;
    private volatile boolean probed;

    /** @param meter absent where no meters are wired (this module's own tests) */
    @Inject
    DatabaseAvailability(@Nullable DatabaseMeter meter, Environment environment) {
        this(Clock.systemUTC(), meter == null ? DatabaseMeter.NONE : meter,
                environment.getActiveNames().contains(Environment.CLI));
    }

    DatabaseAvailability(Clock clock) {
        this(clock, DatabaseMeter.NONE, false);
    }

    DatabaseAvailability(Clock clock, DatabaseMeter meter, boolean cli) {
        this.clock = clock;
        this.meter = meter;
        this.cli = cli;
    }

    /** False from the first failure to reach the database until it answers again. */
    public boolean available() {
        return outage == null;
    }

    /**
     * Runs work on the database: refused at once while it is known to be away, and a failure to
     * reach it becomes a {@link DatabaseUnavailableException}.
     */
    <T> T call(Supplier<T> work) {
        boolean trial = outage != null;
        if (trial) {
            DatabaseUnavailableException refusal = refusalWhileAway();
            if (refusal != null) {
                throw refusal;
            }
        }
        try {
            T result = work.get();
            if (trial) {
                // Only work begun during the outage proves the database is back: work begun before it
                // may have finished without asking the database anything.
                answered();
            }
            return result;
        } catch (DatabaseUnavailableException alreadyCounted) {
            throw alreadyCounted;
        } catch (RuntimeException e) {
            if (ConnectionFailure.isLockWaitTimeout(e)) {
                throw new LockWaitTimeoutException("a row stayed locked by another transaction past the wait", e);
            }
            if (!ConnectionFailure.isIn(e)) {
                throw e;
            }
            throw failed(e);
        }
    }

    /** A probe checks the database in the background: no request need wait to find out whether it is back. */
    void probedInBackground() {
        probed = true;
    }

    /** The database answered. */
    void answered() {
        if (outage != null) {
            ended();
        }
    }

    /** A check without a request found the database away. */
    synchronized void unreachable(Throwable failure) {
        down(failure).lastTry = clock.instant();
    }

    private synchronized void ended() {
        if (outage != null) {
            LOG.warn("The database is available again, after {} s; {} attempts to use it were refused meanwhile",
                    outage.seconds(clock.instant()), outage.refusals);
            outage = null;
        }
    }

    /** Null when the work may go ahead: the database is back, or it is time for one more try. */
    private synchronized DatabaseUnavailableException refusalWhileAway() {
        Instant now = clock.instant();
        if (outage == null) {
            return null;
        }
        if (!probed && !now.isBefore(outage.lastTry.plus(RETRY_AFTER))) {
            outage.lastTry = now;
            return null;
        }
        outage.refusals++;
        meter.failed(DatabaseMeter.Failure.REFUSED_WHILE_AWAY);
        return new DatabaseUnavailableException("the database is unavailable");
    }

    private synchronized DatabaseUnavailableException failed(RuntimeException failure) {
        meter.failed(ConnectionFailure.isTimeout(failure) ? DatabaseMeter.Failure.TIMEOUT
                : DatabaseMeter.Failure.CONNECTION);
        if ((probed || cli) && ConnectionFailure.isReadTimeout(failure)) {
            // An answer that did not come in time on a connection the database took: a frozen
            // database, or only a statement waiting for a row another transaction holds. The probe
            // tells which; until it finds the database away, other work goes ahead.
            return new DatabaseUnavailableException("the database did not answer in time", failure);
        }
        if (cli) {
            return new DatabaseUnavailableException("the database is unavailable", failure);
        }
        Outage current = down(failure);
        current.refusals++;
        current.lastTry = clock.instant();
        return new DatabaseUnavailableException("the database is unavailable", failure);
    }

    private Outage down(Throwable failure) {
        Instant now = clock.instant();
        if (outage == null) {
            outage = new Outage(now);
            LOG.warn("The database is unavailable ({}); requests that need it are refused with 503 until it "
                    + "answers again", ConnectionFailure.describe(failure));
        } else if (!now.isBefore(outage.reported.plus(REPORT_EVERY))) {
            outage.reported = now;
            LOG.warn("The database is still unavailable, for {} s; {} attempts to use it refused so far ({})",
                    outage.seconds(now), outage.refusals, ConnectionFailure.describe(failure));
        }
        return outage;
    }

    /** One outage: since when, how many attempts it refused, when it was last tried and last reported. */
    private static final class Outage {

        private final Instant since;
        private Instant reported;
        private Instant lastTry;
        private long refusals;

        Outage(Instant since) {
            this.since = since;
            this.reported = since;
            this.lastTry = since;
        }

        long seconds(Instant now) {
            return Duration.between(since, now).toSeconds();
        }
    }
}
