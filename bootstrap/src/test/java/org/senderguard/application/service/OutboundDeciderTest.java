package org.senderguard.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.in.CreateTenantCommand;
import org.senderguard.application.port.in.CreateTenantUseCase;
import org.senderguard.application.port.out.MessageKey;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.application.port.out.UnitOfWork;
import org.senderguard.bootstrap.MutableClock;
import org.senderguard.bootstrap.OwnApplication;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.MailFlowAction;
import org.senderguard.domain.outbound.SenderKey;
import org.senderguard.domain.outbound.SendingTally;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.TenantId;

/**
 * The outbound decider driven directly, on the test's own thread, one batch at a time: the order
 * of a batch is the order of counting, a repeat within a batch is answered as its first, and a
 * verdict counts only its spam. Its own application on an embedded database, for its stores.
 */
class OutboundDeciderTest {

    private static final Actor TEST = Actor.operator("test");
    private static ApplicationContext context;
    private static OutboundDecider decider;
    private static TenantId tenant;

    @BeforeAll
    static void start() throws Exception {
        context = OwnApplication.start(OwnApplication.embeddedDatabase("decider"), Map.of());
        decider = context.getBean(OutboundDecider.class);
        tenant = context.getBean(CreateTenantUseCase.class).create(
                CreateTenantCommand.of("decider", List.of("decider.example"), TEST)).id();
    }

    @AfterAll
    static void stop() {
        context.close();
    }

    @Test
    void aBatchIsCountedInItsOrderAndItsRepeatsAreAnsweredOnce() {
        EmailAddress sender = EmailAddress.of("ann@decider.example");
        List<EmailAddress> fourHundred = recipients(400);
        List<EmailAddress> twoHundred = recipients(200);
        Submission first = message("<1@x>", sender, fourHundred);
        List<OutboundDecider.Decided> decided = decider.decideAll(List.of(first,
                message("<1@x>", sender, fourHundred), message("<2@x>", sender, twoHundred),
                message("<3@x>", EmailAddress.of("eve@elsewhere.example"), twoHundred)));

        assertThat(decided.get(0).decision().action()).isEqualTo(MailFlowAction.DELIVER);
        assertThat(decided.get(0).counted()).isTrue();
        assertThat(decided.get(1).decision()).as("the repeat: the first answer").isEqualTo(decided.get(0).decision());
        assertThat(decided.get(1).counted()).isFalse();
        assertThat(decided.get(2).decision().reply().enhancedCode())
                .as("400 + 200 passes the default 500 external recipients an hour; the repeat did not count")
                .isEqualTo("5.1.8");
        assertThat(decided.get(2).alert()).isNotNull();
        assertThat(decided.get(3).decision().reply().enhancedCode()).isEqualTo("5.7.750");
        assertThat(decider.decideAll(List.of(first)).get(0).decision()).as("remembered across batches")
                .isEqualTo(decided.get(0).decision());
    }

    @Test
    void aVerdictCountsItsSpamOnly() {
        EmailAddress sender = EmailAddress.of("bo@decider.example");
        Submission verdict = new Submission(Submission.Kind.VERDICT, tenant, TEST,
                MessageKey.ofVerdictReport(tenant, "queue:Q1", sender), sender, List.of(), 0,
                Verdict.SPAM, List.of());
        OutboundDecider.Decided counted = decider.decideAll(List.of(verdict)).get(0);
        assertThat(counted.counted()).isTrue();
        assertThat(counted.decision().action()).isEqualTo(MailFlowAction.DELIVER_HIGH_RISK_POOL);
        Submission unscanned = new Submission(Submission.Kind.MESSAGE, tenant, TEST,
                MessageKey.ofTransaction(tenant, "i/Q2", sender), sender, recipients(1), 0, null, List.of());
        assertThat(decider.decideAll(List.of(verdict, unscanned)))
                .extracting(d -> d.decision().action(), OutboundDecider.Decided::counted)
                .as("the verdict again counts nothing; unscanned mail of a sender with spam goes high-risk")
                .containsExactly(tuple(MailFlowAction.DELIVER_HIGH_RISK_POOL, false),
                        tuple(MailFlowAction.DELIVER_HIGH_RISK_POOL, true));
    }

    /**
     * A batch that waits for its sender's row, held by another transaction, counts at the time it
     * gets the row: a batch that held it in the next minute counted into that minute, and one that
     * counted in the minute before would not see it (a tally ignores minutes after its time).
     */
    @Test
    void aBatchThatWaitedForItsSenderCountsAtTheTimeItGotIt() throws Exception {
        MutableClock clock = (MutableClock) context.getBean(Clock.class);
        EmailAddress sender = EmailAddress.of("bea@decider.example");
        decider.decideAll(List.of(message("<bea-0@x>", sender, recipients(1)))); // stores the sender
        Instant minute = clock.instant().truncatedTo(ChronoUnit.MINUTES).plus(Duration.ofMinutes(2));
        clock.advanceTo(minute.minusMillis(10));
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<Void> holder = CompletableFuture.runAsync(() -> context.getBean(UnitOfWork.class)
                .inTransaction(() -> {
                    context.getBean(SenderStatusRepository.class).lockStored(List.of(new SenderKey(tenant, sender)));
                    held.countDown();
                    await(release);
                    return null;
                }));
        held.await();
        CompletableFuture<List<OutboundDecider.Decided>> waiting = CompletableFuture.supplyAsync(
                () -> decider.decideAll(List.of(message("<bea-1@x>", sender, recipients(400)))));
        Thread.sleep(300);
        clock.advanceTo(minute.plusMillis(10));
        release.countDown();
        holder.join();
        assertThat(waiting.join().get(0).decision().action()).isEqualTo(MailFlowAction.DELIVER);

        clock.advanceTo(minute.plus(Duration.ofMinutes(SendingTally.WINDOW_MINUTES)).plusSeconds(30));
        Decision later = decider.decideAll(List.of(message("<bea-2@x>", sender, recipients(200)))).get(0).decision();
        assertThat(later.action()).as("the 400, counted in the minute the row was got, are in this hour")
                .isEqualTo(MailFlowAction.REJECT);
        assertThat(later.reply().enhancedCode()).isEqualTo("5.1.8");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Submission message(String id, EmailAddress sender, List<EmailAddress> recipients) {
        return new Submission(Submission.Kind.MESSAGE, tenant, TEST,
                new MessageKey(tenant, id, sender, recipients, Verdict.CLEAN), sender, recipients, 0, Verdict.CLEAN,
                List.of());
    }

    private static List<EmailAddress> recipients(int count) {
        return IntStream.range(0, count)
                .mapToObj(i -> EmailAddress.of("r" + i + "@outside.example")).toList();
    }
}
