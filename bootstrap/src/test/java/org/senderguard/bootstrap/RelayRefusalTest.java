package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.in.ListPortalRequestsUseCase;
import org.senderguard.application.port.in.PortalRequestSummary;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertMail;
import org.senderguard.domain.delisting.PortalRequestStatus;

/**
 * senderguard's mail through a real Postfix relay that refuses a mailbox at RCPT, as a relay that
 * knows its domains' mailboxes does: the delist portal answers a refused address as it answers any
 * other, so that it cannot be used to find which mailboxes exist; an alert still reaches the
 * recipients the relay takes, and one whose every recipient it refuses is not sent again.
 */
@RequiresPostfix
class RelayRefusalTest {

    private static final String GONE = "gone@relay.test";
    /** Refused by the relay's policy, not as no such mailbox: the setup's failure, which the portal says. */
    private static final String DENIED = "denied@relay.test";

    @Test
    void aRefusedAddressIsAnsweredAsAnyOtherAndAnAlertReachesTheRecipientsTheRelayTakes() throws Exception {
        try (PrivatePostfix relay = PrivatePostfix.builder()
                .mainCf("smtpd_recipient_restrictions = check_recipient_access inline:{ { " + GONE
                        + " = 550 5.1.1 No such user here }, { " + DENIED + " = 554 5.7.1 Relay access denied } },"
                        + " permit_mynetworks, reject")
                .start();
             ApplicationContext app = start(relay.port())) {
            URI server = app.getBean(EmbeddedServer.class).start().getURI();
            PortalBrowser browser = new PortalBrowser("198.51.100.77", server);

            HttpResponse<String> refused = browser.requestLink(GONE, "192.0.2.1");
            HttpResponse<String> mailed = browser.requestLink("here@relay.test", "192.0.2.1");

            assertThat(refused.statusCode()).isEqualTo(mailed.statusCode()).isEqualTo(200);
            assertThat(browser.requestLink(DENIED, "192.0.2.1").statusCode()).as("the relay's policy refused it")
                    .isEqualTo(503);
            assertThat(refused.body().replace(GONE, "here@relay.test")).isEqualTo(mailed.body());
            relay.awaitLog("to=<here@relay.test>");
            assertThat(relay.log()).contains("reject: RCPT from", "550 5.1.1 <" + GONE + ">")
                    .as("nothing queued for it").doesNotContain(": to=<" + GONE + ">");
            List<PortalRequestSummary> requests = app.getBean(ListPortalRequestsUseCase.class).list(null, 10);
            assertThat(requests).filteredOn(r -> r.request().address().value().equals(GONE)).singleElement()
                    .satisfies(r -> {
                        assertThat(r.status()).isEqualTo(PortalRequestStatus.MAIL_FAILED);
                        assertThat(r.request().outcome()).contains("the relay refused the address: 550 5.1.1 <" + GONE + ">")
                                .doesNotContain("\n");
                    });
            assertThat(requests).filteredOn(r -> r.request().address().value().equals("here@relay.test"))
                    .singleElement().extracting(PortalRequestSummary::status).isEqualTo(PortalRequestStatus.PENDING);

            Alert partly = AlertOutbox.raise(app, GONE, "admin@relay.test");
            Alert toNobody = AlertOutbox.raise(app, GONE);
            relay.awaitLog("to=<admin@relay.test>");
            assertThat(AlertOutbox.awaitMail(app, partly, AlertMail.State.PENDING)).as("sent to the one it took")
                    .isEqualTo(new AlertMail(AlertMail.State.SENT, 1));
            assertThat(AlertOutbox.awaitMail(app, toNobody, AlertMail.State.PENDING)).as("refused for good, not retried")
                    .isEqualTo(new AlertMail(AlertMail.State.FAILED, 1));
        }
    }

    private static ApplicationContext start(int relayPort) {
        return OwnApplication.start(OwnApplication.embeddedDatabase("relay"), Map.of(
                "senderguard.smtp.host", "127.0.0.1", "senderguard.smtp.port", relayPort,
                "senderguard.portal.client-address-header", DelistPortalTest.CLIENT_HEADER));
    }
}
