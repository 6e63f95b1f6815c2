package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.data.exceptions.DataAccessException;
import java.net.SocketTimeoutException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTimeoutException;
import java.sql.SQLTransientConnectionException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.LockWaitTimeoutException;
import org.senderguard.application.port.out.DatabaseMeter;

class DatabaseAvailabilityTest {

    private final SteppedClock clock = new SteppedClock();
    private final DatabaseAvailability availability = new DatabaseAvailability(clock);
    private final AtomicInteger runs = new AtomicInteger();

    @Test
    void aConnectionFailureMakesTheDatabaseUnavailableAndLaterWorkIsRefusedWithoutRunning() {
        assertThatThrownBy(() -> availability.call(this::noConnection))
                .isInstanceOf(DatabaseUnavailableException.class);
        assertThat(availability.available()).isFalse();

        assertThatThrownBy(() -> availability.call(this::works)).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(runs).as("refused without asking the database").hasValue(1);
    }

    @Test
    void aStatementThatFailsOnItsOwnIsNoOutage() {
        DataAccessException clash = new DataAccessException("duplicate",
                new SQLIntegrityConstraintViolationException("duplicate key", "23000"));

        assertThatThrownBy(() -> availability.call(() -> {
            throw clash;
        })).isSameAs(clash);
        assertThat(availability.available()).isTrue();
    }

    @Test
    void anAnswerLateOnAConnectionFailsItsWorkAndLeavesTheOutageForTheProbeToFind() {
        DataAccessException late = new DataAccessException("SQL failed", new SQLNonTransientConnectionException(
                "Socket timout error", "08000", new SocketTimeoutException("Read timed out")));
        availability.probedInBackground();

        assertThatThrownBy(() -> availability.call(() -> {
            throw late;
        })).isInstanceOf(DatabaseUnavailableException.class).hasMessageContaining("did not answer in time");
        assertThat(availability.available()).as("a lock wait looks the same as a frozen database").isTrue();
        assertThat(availability.call(this::works)).isEqualTo("answer");

        DataAccessException noConnection = new DataAccessException("no connection", new SQLTransientConnectionException(
                "Connection is not available", "08001", new SQLTimeoutException("Socket timeout when connecting",
                new SocketTimeoutException("Connect timed out"))));
        assertThatThrownBy(() -> availability.call(() -> {
            throw noConnection;
        })).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(availability.available()).as("no connection could be made: an outage at once").isFalse();

        DatabaseAvailability unprobed = new DatabaseAvailability(clock);
        assertThatThrownBy(() -> unprobed.call(() -> {
            throw late;
        })).isInstanceOf(DatabaseUnavailableException.class);
        assertThat(unprobed.available()).as("no probe to tell: an outage").isFalse();
    }

    /** A CLI command tries the database each time, and says what happened in its own one line. */
    @Test
    void aCliCommandKeepsNoOutageAndSaysWhetherTheDatabaseWasLate() {
        DatabaseAvailability cli = new DatabaseAvailability(clock, DatabaseMeter.NONE, true);
        DataAccessException late = new DataAccessException("SQL failed", new SQLNonTransientConnectionException(
                "Socket timout error", "08000", new SocketTimeoutException("Read timed out")));
        assertThatThrownBy(() -> cli.call(() -> {
            throw late;
        })).isInstanceOf(DatabaseUnavailableException.class).hasMessage("the database did not answer in time");
        assertThatThrownBy(() -> cli.call(this::noConnection)).hasMessage("the database is unavailable");
        assertThat(cli.available()).isTrue();
        assertThat(cli.call(this::works)).as("tried at once, not refused").isEqualTo("answer");
    }

    @Test
    void aRowHeldPastTheWaitFailsItsWorkAsALockWaitAndIsNoOutage() {
        DataAccessException held = new DataAccessException("SQL failed",
                new SQLException("Lock wait timeout exceeded; try restarting transaction", "HY000", 1205));
        assertThatThrownBy(() -> availability.call(() -> {
            throw held;
        })).isInstanceOf(LockWaitTimeoutException.class);
        assertThat(availability.available()).isTrue();
    }

    @Test
    void withoutAProbeOneTrialASecondFindsTheDatabaseBack() {
        assertThatThrownBy(() -> availability.call(this::noConnection));
        clock.now = clock.now.plus(DatabaseAvailability.RETRY_AFTER);

        assertThat(availability.call(this::works)).isEqualTo("answer");
        assertThat(availability.available()).isTrue();
    }

    @Test
    void withAProbeRequestsAreNotTrialsAndTheProbeFindsTheDatabaseBack() {
        availability.probedInBackground();
        assertThatThrownBy(() -> availability.call(this::noConnection));
        clock.now = clock.now.plus(DatabaseAvailability.RETRY_AFTER.multipliedBy(5));

        assertThatThrownBy(() -> availability.call(this::works)).isInstanceOf(DatabaseUnavailableException.class);
        availability.answered();
        assertThat(availability.call(this::works)).isEqualTo("answer");
    }

    @Test
    void theMeterHearsOfEachFailureByKind() {
        List<DatabaseMeter.Failure> failures = new ArrayList<>();
        DatabaseAvailability metered = new DatabaseAvailability(clock, new DatabaseMeter() {
            @Override
            public void failed(Failure failure) {
                failures.add(failure);
            }
        }, false);

        assertThatThrownBy(() -> metered.call(this::noConnection));
        assertThatThrownBy(() -> metered.call(this::works));
        clock.now = clock.now.plus(DatabaseAvailability.RETRY_AFTER);
        assertThatThrownBy(() -> metered.call(() -> {
            throw new DataAccessException("refused", new SQLNonTransientConnectionException("refused", "08001"));
        }));

        assertThat(failures).containsExactly(DatabaseMeter.Failure.TIMEOUT, DatabaseMeter.Failure.REFUSED_WHILE_AWAY,
                DatabaseMeter.Failure.CONNECTION);
    }

    private String noConnection() {
        runs.incrementAndGet();
        throw new DataAccessException("no connection", new SQLTransientConnectionException("timed out"));
    }

    private String works() {
        runs.incrementAndGet();
        return "answer";
    }

    private static final class SteppedClock extends Clock {

        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
