package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Email;
import jakarta.inject.Singleton;
import java.util.List;
import org.senderguard.application.port.out.AlertNotifier;
import org.senderguard.application.port.out.MailMeter;
import org.senderguard.domain.alert.Alert;
import org.senderguard.domain.common.EmailAddress;

/** Emails each alert to its policy's notify recipients through the configured SMTP relay. */
@Singleton
@Requires(property = "senderguard.smtp.host")
class EmailAlertNotifier implements AlertNotifier {

    private static final System.Logger LOG = System.getLogger(EmailAlertNotifier.class.getName());

    private final RelayedMail relay;
    private final SmtpSettings settings;

    EmailAlertNotifier(RelayedMail relay, SmtpSettings settings) {
        this.relay = relay;
        this.settings = settings;
    }

    @Override
    public boolean sends() {
        return true;
    }

    @Override
    public void send(Alert alert) {
        if (alert.recipients().isEmpty()) {
            return;
        }
        Email.Builder email = Email.builder()
                .from(settings.fromOrDefault())
                .subject(AlertText.subject(alert))
                .body(AlertText.body(alert));
        alert.recipients().stream().map(EmailAddress::value).forEach(email::to);
        List<String> notSent;
        try {
            notSent = relay.send(MailMeter.Kind.ALERT, email);
        } catch (RelayedMail.RecipientsRefused e) {
            throw new Refused(e.getMessage(), e);
        }
        if (!notSent.isEmpty()) {
            LOG.log(System.Logger.Level.WARNING, "alert " + alert.id() + " was sent, but not to every recipient: "
                    + String.join("; ", notSent));
        }
    }
}
