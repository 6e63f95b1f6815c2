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
import org.junit.jupiter.api.Test;
import org.senderguard.adapters.persistence.RequiresMariaDb;
import org.senderguard.application.port.in.ListPortalRequestsUseCase;
import org.senderguard.application.port.in.PortalRequestSummary;
import org.senderguard.domain.delisting.PortalRequestStatus;

/**
 * Two servers on one MariaDB, without an SMTP relay, and eight senders racing to request links
 * for one address: the database counts, so exactly the three an address may have per hour get
 * through, on whichever server they land; those are answered 503 (no mail can be sent) and kept
 * as {@code MAIL_FAILED}.
 */
@RequiresMariaDb
class PortalRateLimitRaceTest {

    private static final int RACERS = 8;

    @Test
    void racingLinkRequestsNeverPassTheAddressLimitAcrossInstances() throws Exception {
        try (TwoInstances instances = TwoInstances.start(true)) {
            String email = DelistPortalTest.newAddress();
            ExecutorService pool = Executors.newFixedThreadPool(RACERS);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> answers = new ArrayList<>();
            for (int i = 0; i < RACERS; i++) {
                URI server = (i % 2 == 0 ? instances.first : instances.second).getBean(EmbeddedServer.class).getURI();
                PortalBrowser browser = new PortalBrowser(DelistPortalTest.randomClient(), server);
                String csrf = PortalBrowser.csrfOf(browser.get("/delist").body());
                answers.add(pool.submit(() -> {
                    start.await();
                    HttpResponse<String> answer = browser.post("/delist",
                            Map.of("email", email, "ip", "192.0.2.77", "csrf", csrf));
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

            assertThat(statuses).as("no mail could be sent: try again in a few minutes")
                    .filteredOn("503 retry 300"::equals).hasSize(3);
            assertThat(statuses).filteredOn(status -> status.startsWith("429 retry ")).hasSize(RACERS - 3);
            List<PortalRequestSummary> failed = instances.first.getBean(ListPortalRequestsUseCase.class)
                    .list(PortalRequestStatus.MAIL_FAILED, 500);
            assertThat(failed).hasSize(3).allSatisfy(summary -> assertThat(summary.request().outcome())
                    .contains("no SMTP relay is configured"));
        }
    }
}
