package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Requires;
import io.micronaut.email.Email;
import jakarta.inject.Singleton;
import java.time.Instant;
import org.senderguard.application.port.out.DelistLinkMailer;
import org.senderguard.application.port.out.MailMeter;
import org.senderguard.domain.common.EmailAddress;

/** Mails the delist portal's confirmation link through the configured SMTP relay. */
@Singleton
@Requires(property = "senderguard.smtp.host")
class EmailDelistLinkMailer implements DelistLinkMailer {

    private final RelayedMail relay;
    private final SmtpSettings settings;

    EmailDelistLinkMailer(RelayedMail relay, SmtpSettings settings) {
        this.relay = relay;
        this.settings = settings;
    }

    @Override
    public void send(EmailAddress to, String ip, String link, Instant expiresAt) {
        try {
            relay.send(MailMeter.Kind.DELIST_LINK, link(to, ip, link, expiresAt));
        } catch (RelayedMail.RecipientsRefused e) {
            throw new DelistLinkMailer.RecipientRefused(e.getMessage());
        }
    }

    private Email.Builder link(EmailAddress to, String ip, String link, Instant expiresAt) {
        return Email.builder()
                .from(settings.fromOrDefault())
                .to(to.value())
                .subject("Confirm the delisting of " + ip)
                .body("""
                        Someone, probably you, asked to take the IP address %s and the email address %s off our \
                        block list, through the delist portal.

                        To confirm, open this link and press "Delist IP":

                        %s

                        The link works once and expires at %s (UTC). If you did not ask for this, ignore this \
                        message: nothing changes until the link is used.
                        """.formatted(ip, to, link, expiresAt));
    }
}
