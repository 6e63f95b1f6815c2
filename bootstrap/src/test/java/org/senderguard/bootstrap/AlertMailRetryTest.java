package org.senderguard.bootstrap;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.micronaut.context.ApplicationContext;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.out.AlertRepository;
import org.senderguard.application.service.AlertDispatcher;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertMail;

/**
 * An alert raised while the relay is down is mailed once it is back, when its mail is due again,
 * and not before: the relay is a real SMTP server (GreenMail) that starts on the configured port
 * after the first attempt failed.
 */
class AlertMailRetryTest {

    @Test
    void mailTheRelayCouldNotTakeIsSentWhenDueOnceTheRelayIsBack() throws Exception {
        int relayPort = SenderguardJar.freePort();
        try (ApplicationContext app = OwnApplication.start(OwnApplication.embeddedDatabase("alert-mail"),
                Map.of("senderguard.smtp.host", "127.0.0.1", "senderguard.smtp.port", relayPort))) {
            Alert alert = AlertOutbox.raise(app, "admin@contoso.example");
            awaitFirstAttemptFailed(app, alert);

            GreenMail relay = new GreenMail(new ServerSetup(relayPort, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
            relay.start();
            try {
                AlertDispatcher dispatcher = app.getBean(AlertDispatcher.class);
                MutableClock clock = app.getBean(MutableClock.class);
                dispatcher.sendDue();
                assertThat(relay.getReceivedMessages()).as("not due yet").isEmpty();
                assertThat(AlertOutbox.mail(app, alert)).isEqualTo(new AlertMail(AlertMail.State.PENDING, 1));

                clock.advance(Duration.ofMinutes(2));
                dispatcher.sendDue();
                assertThat(relay.getReceivedMessages()).singleElement()
                        .satisfies(mail -> assertThat(mail.getSubject()).contains("ann@tenant.test"));
                assertThat(AlertOutbox.mail(app, alert)).isEqualTo(new AlertMail(AlertMail.State.SENT, 2));
                clock.advance(Duration.ofDays(1));
                dispatcher.sendDue();
                assertThat(relay.getReceivedMessages()).as("sent once").hasSize(1);
            } finally {
                relay.stop();
            }
        }
    }

    /**
     * Waits (up to 15 s) until the first attempt is recorded as failed: tried once, and due again in
     * a minute (a claim would hold it for ten).
     */
    private static void awaitFirstAttemptFailed(ApplicationContext app, Alert alert) throws InterruptedException {
        AlertRepository alerts = app.getBean(AlertRepository.class);
        Instant inAMinute = app.getBean(Clock.class).instant().plus(Duration.ofSeconds(61));
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (AlertOutbox.mail(app, alert).attempts() != 1
                || alerts.mailDue(inAMinute, 100).stream().noneMatch(due -> due.id().equals(alert.id()))) {
            assertThat(Instant.now()).as("the first attempt recorded as failed").isBefore(deadline);
            Thread.sleep(50);
        }
        assertThat(AlertOutbox.mail(app, alert)).isEqualTo(new AlertMail(AlertMail.State.PENDING, 1));
    }
}
