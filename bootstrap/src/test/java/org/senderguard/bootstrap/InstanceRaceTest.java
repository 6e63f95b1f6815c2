package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.senderguard.adapters.persistence.RequiresMariaDb;
import org.senderguard.application.port.in.CreateTenantCommand;
import org.senderguard.application.port.in.CreateTenantUseCase;
import org.senderguard.application.port.in.DecideOutboundUseCase;
import org.senderguard.application.port.in.FindPoliciesUseCase;
import org.senderguard.application.port.in.ListRestrictedUsersUseCase;
import org.senderguard.application.port.in.OutboundMessageCommand;
import org.senderguard.application.port.in.PolicyCommand;
import org.senderguard.application.port.in.RestrictUserCommand;
import org.senderguard.application.port.in.RestrictUserUseCase;
import org.senderguard.application.port.in.SavePolicyUseCase;
import org.senderguard.application.port.in.UnblockCommand;
import org.senderguard.application.port.in.UnblockUserUseCase;
import org.senderguard.application.port.in.UpdateTenantCommand;
import org.senderguard.application.port.in.UpdateTenantUseCase;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.mailflow.Decision;
import org.senderguard.domain.outbound.OutboundSpamPolicy;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantName;

/**
 * Two server instances on one MariaDB, racing: admins to unblock the same user, so that the
 * database decides and the unblock limit holds; and both instances deciding the first messages of
 * new senders at once, each storing the senders it has not seen while the other locks them, with
 * every message counted once.
 */
@RequiresMariaDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class InstanceRaceTest {

    private static final int RACERS = 8;
    private static final int LIMIT = 10;
    /** Started with this class's one instance, closed after its last test. */
    @AutoClose
    private final TwoInstances instances = TwoInstances.start(false);
    private final ApplicationContext first = instances.first;
    private final ApplicationContext second = instances.second;

    @Test
    void racingUnblocksNeverPassTheLimit() throws Exception {
        Tenant tenant = first.getBean(CreateTenantUseCase.class)
                .create(CreateTenantCommand.of("race", List.of("race.example"), Actor.operator("test")));
        first.getBean(UpdateTenantUseCase.class)
                .update(UpdateTenantCommand.of("race", 2, null, null, null, null, Actor.operator("test")));
        EmailAddress user = EmailAddress.parse("user", "victim@race.example");
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        try {
            for (int round = 1; round <= 3; round++) {
                first.getBean(RestrictUserUseCase.class).restrict(new RestrictUserCommand(TenantName.parse("race"),
                        user, "round " + round, Actor.operator("test")));
                Outcomes outcomes = race(pool, tenant, user);
                if (round <= 2) {
                    assertThat(outcomes.unblocked).as("round %d: exactly one unblock wins", round).isEqualTo(1);
                    assertThat(outcomes.notRestricted).isEqualTo(RACERS - 1);
                } else {
                    assertThat(outcomes.unblocked).as("the limit of 2 is reached").isZero();
                    assertThat(outcomes.limitReached).isEqualTo(RACERS);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        var restricted = second.getBean(ListRestrictedUsersUseCase.class).get(tenant.id(), user);
        assertThat(restricted.unblocks().used()).isEqualTo(2);
        assertThat(restricted.unblocks().remaining()).isZero();
    }

    @Test
    void newSendersDecidedOnTwoInstancesAtOnceAreCountedExactly() {
        for (int round = 0; round < 5; round++) {
            String name = "race-" + round + "-" + UUID.randomUUID().toString().substring(0, 8);
            Tenant tenant = tenantLimitedTo(name);
            String domain = name + ".example";
            List<String> senders = List.of("p1@" + domain, "p2@" + domain, "p3@" + domain);
            List<CompletableFuture<Decision>> decisions = new ArrayList<>();
            for (int i = 0; i < 60; i++) {
                ApplicationContext instance = i % 2 == 0 ? first : second;
                decisions.add(instance.getBean(DecideOutboundUseCase.class).decide(OutboundMessageCommand.of(
                        tenant.id(), Actor.apiKey("mail-flow"), "<" + i + "@race>", senders.get(i % 3),
                        List.of("someone@elsewhere.example"), "CLEAN", null, List.of())));
            }
            Map<String, Long> actions = new TreeMap<>();
            decisions.forEach(d -> actions.merge(d.join().action().name(), 1L, Long::sum));
            assertThat(actions).as("round %d: %d per sender", round, LIMIT)
                    .isEqualTo(Map.of("DELIVER", 3L * LIMIT, "REJECT", 60L - 3 * LIMIT));
        }
    }

    /** A new tenant whose senders may each send to {@link #LIMIT} external recipients an hour. */
    private Tenant tenantLimitedTo(String name) {
        Tenant tenant = first.getBean(CreateTenantUseCase.class)
                .create(CreateTenantCommand.of(name, List.of(name + ".example"), Actor.operator("test")));
        OutboundSpamPolicy fallback = first.getBean(FindPoliciesUseCase.class).list(tenant.id()).stream()
                .filter(OutboundSpamPolicy::isDefault).findFirst().orElseThrow();
        first.getBean(SavePolicyUseCase.class).replace(fallback.id(), PolicyCommand.of(tenant.id(),
                Actor.operator("test"), "Default", null, null, LIMIT, 0, 0, LIMIT, "BLOCK_USER_FOR_TODAY",
                List.of(), null, null, null));
        return tenant;
    }

    private Outcomes race(ExecutorService pool, Tenant tenant, EmailAddress user) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> results = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            UnblockUserUseCase unblock = (i % 2 == 0 ? first : second).getBean(UnblockUserUseCase.class);
            Actor admin = Actor.apiKey("admin-" + i);
            Callable<String> attempt = () -> {
                start.await();
                try {
                    unblock.unblock(new UnblockCommand(tenant.id(), user, "racing", admin, false));
                    return "unblocked";
                } catch (NotFoundException e) {
                    return "not-restricted";
                } catch (ConflictException e) {
                    return e.type();
                }
            };
            results.add(pool.submit(attempt));
        }
        start.countDown();
        Outcomes outcomes = new Outcomes();
        for (Future<String> result : results) {
            switch (result.get()) {
                case "unblocked" -> outcomes.unblocked++;
                case "not-restricted" -> outcomes.notRestricted++;
                case "unblock-limit-reached" -> outcomes.limitReached++;
                default -> throw new AssertionError("unexpected outcome " + result.get());
            }
        }
        return outcomes;
    }

    private static final class Outcomes {
        int unblocked;
        int notRestricted;
        int limitReached;
    }
}
