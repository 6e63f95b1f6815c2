package org.senderguard.adapters.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetupTest;
import io.micronaut.context.ApplicationContext;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.senderguard.application.port.out.AlertNotifier;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.alert.AlertKind;
import org.senderguard.domain.common.EmailAddress;
import org.senderguard.domain.tenant.TenantId;

/** Alert mail through a real SMTP server (GreenMail) running in the test. */
class EmailAlertNotifierTest {

    @RegisterExtension
    static final GreenMailExtension SMTP = new GreenMailExtension(ServerSetupTest.SMTP);

    private final Alert alert = Alert.raise(TenantId.newId(), AlertKind.USER_RESTRICTED,
            EmailAddress.parse("user", "mallory@contoso.example"), "mallory@contoso.example was restricted from sending "
                    + "email: more than 500 external recipients in the last hour",
            List.of(EmailAddress.parse("n", "admin@contoso.example"), EmailAddress.parse("n", "soc@contoso.example")),
            Instant.parse("2026-05-04T12:00:00Z"));

    @Test
    void mailsTheAlertToThePolicysRecipients() throws Exception {
        MimeMessage[] received = sentThroughTheRelay(alert);
        assertThat(received).hasSize(2);
        MimeMessage mail = received[0];
        assertThat(mail.getSubject()).isEqualTo("User restricted from sending email: mallory@contoso.example");
        assertThat(mail.getFrom()[0].toString()).isEqualTo("alerts@senderguard.example");
        assertThat(Arrays.stream(mail.getRecipients(Message.RecipientType.TO)).map(Object::toString))
                .containsExactlyInAnyOrder("admin@contoso.example", "soc@contoso.example");
        assertThat(GreenMailUtil.getBody(mail)).contains("more than 500 external recipients in the last hour")
                .contains("Reset the user's password").contains("contact Support");
    }

    /** An alert's recipient beyond ASCII (RFC 6531) is mailed as SMTPUTF8 mail, not refused by the sender. */
    @Test
    void mailsARecipientWhoseAddressIsBeyondAscii() throws Exception {
        Alert aboutJorg = Alert.raise(TenantId.newId(), AlertKind.USER_RESTRICTED,
                EmailAddress.parse("user", "j\u00f6rg@contoso.example"), "j\u00f6rg@contoso.example was restricted",
                List.of(EmailAddress.parse("n", "s\u00e9curit\u00e9@contoso.example")), Instant.parse("2026-05-04T12:00:00Z"));
        MimeMessage[] received = sentThroughTheRelay(aboutJorg);
        assertThat(received).hasSize(1);
        assertThat(received[0].getAllRecipients()[0].toString()).isEqualTo("s\u00e9curit\u00e9@contoso.example");
        assertThat(received[0].getSubject()).isEqualTo("User restricted from sending email: j\u00f6rg@contoso.example");
    }

    /** What the relay (GreenMail) received once the notifier, configured for it, sent the alert. */
    private static MimeMessage[] sentThroughTheRelay(Alert sent) {
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "senderguard.smtp.host", "127.0.0.1",
                "senderguard.smtp.port", SMTP.getSmtp().getPort(),
                "senderguard.smtp.from", "alerts@senderguard.example"))) {
            AlertNotifier notifier = context.getBean(AlertNotifier.class);
            assertThat(notifier.sends()).isTrue();
            notifier.send(sent);
        }
        return SMTP.getReceivedMessages();
    }

    @Test
    void withoutARelayAlertsAreNotSent() {
        try (ApplicationContext context = ApplicationContext.run()) {
            AlertNotifier notifier = context.getBean(AlertNotifier.class);
            assertThat(notifier).isInstanceOf(NoRelayAlertNotifier.class);
            assertThat(notifier.sends()).isFalse();
            assertThatThrownBy(() -> notifier.send(alert)).isInstanceOf(AlertNotifier.Refused.class)
                    .hasMessageContaining("no SMTP relay is configured");
        }
        assertThat(SMTP.getReceivedMessages()).isEmpty();
    }

    @Test
    void anUnreachableRelayIsAnErrorForTheCallerToHandle() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ApplicationContext context = ApplicationContext.run(Map.of(
                "senderguard.smtp.host", "127.0.0.1", "senderguard.smtp.port", closedPort))) {
            assertThatThrownBy(() -> context.getBean(AlertNotifier.class).send(alert))
                    .isInstanceOf(RuntimeException.class);
        }
    }
}
