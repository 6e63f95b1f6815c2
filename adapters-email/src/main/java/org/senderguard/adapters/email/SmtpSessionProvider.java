package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.email.javamail.sender.DefaultSessionProvider;
import io.micronaut.email.javamail.sender.SessionProvider;
import jakarta.inject.Singleton;
import jakarta.mail.Authenticator;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.Session;
import java.util.Properties;

/** A Jakarta Mail session for the configured relay, with timeouts so that a dead relay cannot hang a sender. */
@Singleton
@Replaces(DefaultSessionProvider.class)
@Requires(property = "senderguard.smtp.host")
class SmtpSessionProvider implements SessionProvider {

    private static final String TIMEOUT_MILLIS = "10000";

    private final Session session;

    SmtpSessionProvider(SmtpSettings settings) {
        Properties properties = new Properties();
        properties.put("mail.transport.protocol", "smtp");
        properties.put("mail.smtp.host", settings.host());
        properties.put("mail.smtp.port", String.valueOf(settings.portOrDefault()));
        properties.put("mail.smtp.connectiontimeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.timeout", TIMEOUT_MILLIS);
        properties.put("mail.smtp.writetimeout", TIMEOUT_MILLIS);
        // A recipient the relay refuses keeps the message from none of the others (see RelayedMail).
        properties.put("mail.smtp.sendpartial", "true");
        // An address beyond ASCII (a portal requester's, an alert recipient's) goes out as SMTPUTF8 mail.
        properties.put("mail.mime.allowutf8", "true");
        if (Boolean.TRUE.equals(settings.tls())) {
            properties.put("mail.smtp.starttls.enable", "true");
            properties.put("mail.smtp.starttls.required", "true");
        }
        Authenticator authenticator = null;
        if (settings.user() != null && !settings.user().isBlank()) {
            properties.put("mail.smtp.auth", "true");
            authenticator = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(settings.user(), settings.password());
                }
            };
        }
        this.session = Session.getInstance(properties, authenticator);
    }

    @Override
    public Session session() {
        return session;
    }
}
