package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.senderguard.adapters.persistence.RequiresMariaDb;
import org.senderguard.application.port.in.ListPortalRequestsUseCase;
import org.senderguard.application.port.in.PortalRequestSummary;
import org.senderguard.domain.delisting.PortalRequestStatus;

/**
 * Two servers on one MariaDB, without an SMTP relay, and eight senders racing to request links
 * for one address: the database counts, so exactly the three an address may have per hour get
 * through, on whichever server they land; those are answered 503 (no mail can be sent) and kept
 * as {@code MAIL_FAILED}. Then eight more, each for an address and from a network of its own,
 * race for the two requests left of the service's five an hour.
 */
@RequiresMariaDb
class PortalRateLimitRaceTest {

    private static final int RACERS = 8;

    @Test
    void racingLinkRequestsNeverPassTheAddressOrTheServiceLimitAcrossInstances() throws Exception {
        try (TwoInstances instances = TwoInstances.start(true, Map.of("senderguard.portal.service-limit", 5))) {
            String email = DelistPortalTest.newAddress();
            List<String> statuses = race(instances, i -> email);
            assertThat(statuses).as("no mail could be sent: try again in a few minutes")
                    .filteredOn("503 retry 300"::equals).hasSize(3);
            assertThat(statuses).filteredOn(status -> status.startsWith("429 retry ")).hasSize(RACERS - 3);
            List<PortalRequestSummary> failed = instances.first.getBean(ListPortalRequestsUseCase.class)
                    .list(PortalRequestStatus.MAIL_FAILED, 500);
            assertThat(failed).hasSize(3).allSatisfy(summary -> assertThat(summary.request().outcome())
                    .contains("no SMTP relay is configured"));

            List<String> others = race(instances, i -> DelistPortalTest.newAddress());
            assertThat(others).filteredOn("503 retry 300"::equals).hasSize(2);
            assertThat(others).filteredOn(status -> status.startsWith("429 retry ")).hasSize(RACERS - 2);
        }
    }

    /** The statuses (with any Retry-After) of {@link #RACERS} link requests sent at once, each from a client of its own. */
    private static List<String> race(TwoInstances instances, IntFunction<String> email) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(RACERS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<String>> answers = new ArrayList<>();
        for (int i = 0; i < RACERS; i++) {
            URI server = (i % 2 == 0 ? instances.first : instances.second).getBean(EmbeddedServer.class).getURI();
            PortalBrowser browser = new PortalBrowser(DelistPortalTest.randomClient(), server);
            String csrf = PortalBrowser.csrfOf(browser.get("/delist").body());
            String address = email.apply(i);
            answers.add(pool.submit(() -> {
                start.await();
                HttpResponse<String> answer = browser.post("/delist",
                        Map.of("email", address, "ip", "192.0.2.77", "csrf", csrf));
                return answer.statusCode() + answer.headers().firstValue("Retry-After").map(s -> " retry " + s)
                        .orElse("");
            }));
        }
        start.countDown();
        List<String> statuses = new ArrayList<>();
        for (Future<String> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        return statuses;
    }
}
