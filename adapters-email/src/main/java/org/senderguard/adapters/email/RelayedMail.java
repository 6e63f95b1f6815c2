package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import org.senderguard.application.port.out.MailMeter;

/** Hands senderguard's mail to the SMTP relay, telling the meter whether the relay took it. */
@Singleton
@Requires(property = "senderguard.smtp.host")
class RelayedMail {

    private final EmailSender<?, ?> sender;
    private final MailMeter meter;

    /** @param meter absent where no meters are wired (this module's own tests) */
    RelayedMail(EmailSender<?, ?> sender, @Nullable MailMeter meter) {
        this.sender = sender;
        this.meter = meter == null ? MailMeter.NONE : meter;
    }

    void send(MailMeter.Kind kind, Email.Builder email) {
        try {
            sender.send(email);
        } catch (RuntimeException e) {
            meter.failed(kind);
            throw e;
        }
        meter.sent(kind);
    }
}
