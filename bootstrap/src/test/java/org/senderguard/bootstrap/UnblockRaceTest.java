package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.senderguard.adapters.persistence.RequiresMariaDb;
import org.senderguard.application.port.in.CreateTenantCommand;
import org.senderguard.application.port.in.CreateTenantUseCase;
import org.senderguard.application.port.in.ListRestrictedUsersUseCase;
import org.senderguard.application.port.in.RestrictUserCommand;
import org.senderguard.application.port.in.RestrictUserUseCase;
import org.senderguard.application.port.in.UnblockCommand;
import org.senderguard.application.port.in.UnblockUserUseCase;
import org.senderguard.application.port.in.UpdateTenantCommand;
import org.senderguard.application.port.in.UpdateTenantUseCase;
import org.senderguard.domain.audit.Actor;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.common.NotFoundException;
import org.senderguard.domain.tenant.Tenant;
import org.senderguard.domain.tenant.TenantName;

/**
 * Two server instances on one MariaDB, admins racing to unblock the same user: the database
 * decides, so the unblock limit holds.
 */
@RequiresMariaDb
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UnblockRaceTest {

    private static final int RACERS = 8;
    private TwoInstances instances;
    private ApplicationContext first;
    private ApplicationContext second;

    @BeforeAll
    void startTwoInstances() {
        instances = TwoInstances.start(false);
        first = instances.first;
        second = instances.second;
    }

    @AfterAll
    void stop() {
        instances.close();
    }

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
