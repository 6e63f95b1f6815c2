package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.senderguard.adapters.persistence.DatabaseSettings;
import org.senderguard.adapters.persistence.DecisionHistory;
import org.senderguard.application.port.in.CreateTenantCommand;
import org.senderguard.application.port.in.CreateTenantUseCase;
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.application.port.in.OutboundMessageCommand;
import org.senderguard.application.port.out.SenderStatusRepository;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.mailflow.MailFlowAction;
import org.senderguard.domain.outbound.Verdict;
import org.senderguard.domain.tenant.TenantId;

/**
 * A message reported again while the remembered decisions rotate, with the default retention of an
 * hour: decided at the last instant of a period (on MariaDB, of a partition), it gets the same answer
 * and is not counted again after the switch to the next period and up to the end of the retention;
 * past it, it is a message of its own, decided and counted again. The clock is the test's; the
 * rotations run at the instants the test chooses. On each database by the subclasses.
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
        Map<String, Object> properties = new HashMap<>(database().toProperties());
        properties.put("senderguard.housekeeping.initial-delay", "24h");
        context = ApplicationContext.builder(Senderguard.class).deduceEnvironment(false).environments("test")
                .properties(properties).start();
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
        rotateAt("2030-01-07T08:00:00Z");
        clock.advanceTo(Instant.parse("2030-01-07T08:14:59.999999Z"));
        Decision first = decide();
        assertThat(first.action()).isEqualTo(MailFlowAction.DELIVER);
        assertThat(recipientsToday()).isEqualTo(2);

        rotateAt("2030-01-07T08:15:00Z");
        assertThat(decide()).as("after the switch to the next period").isEqualTo(first);
        rotateAt("2030-01-07T09:14:59.999999Z");
        assertThat(decide()).as("at the end of the retention").isEqualTo(first);
        assertThat(recipientsToday()).as("the repeats were not counted").isEqualTo(2);

        rotateAt("2030-01-07T09:15:00.000001Z");
        assertThat(decide().action()).as("past the retention: decided afresh").isEqualTo(MailFlowAction.DELIVER);
        assertThat(recipientsToday()).as("and counted again").isEqualTo(4);
    }

    private void rotateAt(String instant) {
        clock.advanceTo(Instant.parse(instant));
        history.forgetOld(clock.instant());
    }

    private Decision decide() {
        return context.getBean(DecideOutboundUseCase.class).decide(new OutboundMessageCommand(tenant, MTA,
                "<retried@retention.example>", SENDER,
                List.of(EmailAddress.of("a@outside.example"), EmailAddress.of("b@outside.example")), Verdict.CLEAN,
                List.of())).join();
    }

    private int recipientsToday() {
        return context.getBean(SenderStatusRepository.class).find(tenant, SENDER).orElseThrow()
                .tally().usageAt(clock.instant()).recipientsToday();
    }
}
