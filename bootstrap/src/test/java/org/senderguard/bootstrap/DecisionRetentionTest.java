package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.senderguard.adapters.persistence.DatabaseSettings;
import org.senderguard.adapters.persistence.DecisionHistory;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.in.CreateTenantCommand;
import org.senderguard.application.port.in.CreateTenantUseCase;
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.application.port.in.OutboundMessageCommand;
import org.senderguard.application.port.out.ProcessedMessages;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.TenantChanges;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.MailFlowAction;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.TenantId;

/**
 * A message reported again while the remembered decisions rotate, with the default retention of an
 * hour: decided at the last instant of a period (on MariaDB, of a partition), it gets the same answer
 * and is not counted again after the switch to the next period, once its partition is sealed, and up
 * to the end of the retention and the minute after it; past that, it is a message of its own, decided and counted again. The
 * clock is the test's; the rotations run at the instants the test chooses. On each database by the subclasses.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DecisionRetentionTest {

    private static final Actor MTA = Actor.apiKey("mta");
    private static final EmailAddress SENDER = EmailAddress.of("ann@retention.example");

    private ApplicationContext context;
    private MutableClock clock;
    private DecisionHistory history;
    private TenantId tenant;

    abstract DatabaseSettings database();

    abstract void dropDatabase();

    @BeforeAll
    void start() {
        context = OwnApplication.start(database(), Map.of("senderguard.housekeeping.initial-delay", "24h"));
        clock = context.getBean(MutableClock.class);
        history = context.getBean(DecisionHistory.class);
        tenant = context.getBean(CreateTenantUseCase.class)
                .create(CreateTenantCommand.of("retention", List.of("retention.example"), MTA)).id();
    }

    @AfterAll
    void stop() {
        context.close();
        dropDatabase();
    }

    @Test
    void aRepeatIsAnsweredFromMemoryForTheRetentionAndDecidedAfreshPastIt() {
        rotateAt("2030-01-07T08:14:00Z");
        clock.advanceTo(Instant.parse("2030-01-07T08:14:59.999999Z"));
        Decision first = decide();
        assertThat(first.action()).isEqualTo(MailFlowAction.DELIVER);
        assertThat(recipientsToday()).isEqualTo(2);

        rotateAt("2030-01-07T08:15:00Z");
        assertThat(decide()).as("after the switch to the next period").isEqualTo(first);
        rotateAt("2030-01-07T08:15:30Z");
        assertThat(decide()).as("once its period's partition is sealed (on MariaDB)").isEqualTo(first);
        rotateAt("2030-01-07T09:14:59.999999Z");
        assertThat(decide()).as("at the end of the retention").isEqualTo(first);
        rotateAt("2030-01-07T09:15:59.999999Z");
        assertThat(decide()).as("a minute more, while the message still counts in the rolling hour")
                .isEqualTo(first);
        assertThat(recipientsToday()).as("the repeats were not counted").isEqualTo(2);

        // Forgotten at the latest a sixteenth of the retention and a period after it (on MariaDB,
        // where expired partitions are dropped sixteen at a time; at once on the embedded database).
        rotateAt("2030-01-07T09:20:00.000001Z");
        assertThat(decide().action()).as("past the retention: decided afresh").isEqualTo(MailFlowAction.DELIVER);
        assertThat(recipientsToday()).as("and counted again").isEqualTo(4);
    }

    /**
     * A batch counts and saves its decisions under the time it got its senders, so a batch held up
     * on its sender's lock (here: by another transaction while the clock moves past
     * {@link ProcessedMessages#LATEST_SAVE}) is decided when it gets it, counted once and
     * remembered.
     */
    @Test
    void aBatchHeldUpOnItsSendersLockIsDecidedWhenItGetsIt() throws Exception {
        EmailAddress sender = EmailAddress.of("bob@retention.example");
        decide(sender, "<stored-first@retention.example>", Verdict.CLEAN).join();
        int counted = recipientsToday(sender);
        Decision held = heldUpWhileTheClockMoves(() -> context.getBean(SenderStatusRepository.class).lock(tenant, sender),
                () -> decide(sender, "<slow@retention.example>", Verdict.CLEAN)).get(10, TimeUnit.SECONDS);
        assertThat(held.action()).isEqualTo(MailFlowAction.DELIVER);
        assertThat(decide(sender, "<slow@retention.example>", Verdict.CLEAN).join()).as("remembered").isEqualTo(held);
        assertThat(recipientsToday(sender)).as("counted once").isEqualTo(counted + 2);
    }

    /**
     * A batch that restricts its sender writes the tenant's change too; held up there, on the row
     * every restriction takes, after it got its time, it fails rather than commit after its period
     * may be sealed, and its message is decided afresh when repeated.
     */
    @Test
    void aBatchHeldUpRecordingARestrictionFailsToo() throws Exception {
        EmailAddress sender = EmailAddress.of("cy@retention.example");
        for (int i = 0; i < 10; i++) { // the default policy restricts at the 11th spam message in an hour
            decide(sender, "<spam-" + i + "@retention.example>", Verdict.SPAM).join();
        }
        assertThat(heldUpWhileTheClockMoves(() -> context.getBean(TenantChanges.class).record(tenant),
                () -> decide(sender, "<spam-10@retention.example>", Verdict.SPAM)))
                .failsWithin(Duration.ofSeconds(10)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(DatabaseUnavailableException.class);
        assertThat(decide(sender, "<spam-10@retention.example>", Verdict.SPAM).join().action())
                .as("decided afresh when repeated, and restricted then").isEqualTo(MailFlowAction.REJECT);
    }

    /**
     * Runs {@code decision} while another transaction holds what {@code hold} locks, moves the clock
     * past {@link ProcessedMessages#LATEST_SAVE}, and lets the decision go on.
     */
    private CompletableFuture<Decision> heldUpWhileTheClockMoves(Runnable hold,
                                                                 Supplier<CompletableFuture<Decision>> decision)
            throws Exception {
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        ExecutorService holder = Executors.newSingleThreadExecutor();
        try {
            Future<?> holding = holder.submit(() -> context.getBean(UnitOfWork.class).inTransaction(() -> {
                hold.run();
                locked.countDown();
                try {
                    return release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            }));
            assertThat(locked.await(10, TimeUnit.SECONDS)).isTrue();
            CompletableFuture<Decision> held = decision.get();
            Thread.sleep(1_000); // the batch has begun and waits for the lock
            clock.advance(ProcessedMessages.LATEST_SAVE.plusSeconds(1));
            release.countDown();
            holding.get(10, TimeUnit.SECONDS);
            return held;
        } finally {
            holder.shutdownNow();
        }
    }

    private void rotateAt(String instant) {
        clock.advanceTo(Instant.parse(instant));
        history.forgetOld(clock.instant());
    }

    private Decision decide() {
        return decide(SENDER, "<retried@retention.example>", Verdict.CLEAN).join();
    }

    private CompletableFuture<Decision> decide(EmailAddress sender, String messageId, Verdict verdict) {
        return context.getBean(DecideOutboundUseCase.class).decide(new OutboundMessageCommand(tenant, MTA, messageId,
                sender, List.of(EmailAddress.of("a@outside.example"), EmailAddress.of("b@outside.example")),
                verdict, List.of()));
    }

    private int recipientsToday() {
        return recipientsToday(SENDER);
    }

    private int recipientsToday(EmailAddress sender) {
        return context.getBean(SenderStatusRepository.class).find(tenant, sender).orElseThrow()
                .tally().usageAt(clock.instant()).recipientsToday();
    }
}
