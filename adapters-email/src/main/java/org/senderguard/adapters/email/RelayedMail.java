package org.senderguard.adapters.email;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.email.Email;
import io.micronaut.email.EmailSender;
import jakarta.inject.Singleton;
import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.senderguard.application.port.out.MailMeter;

/**
 * Hands senderguard's mail to the SMTP relay, telling the meter whether the relay took it. The
 * session sends to the recipients the relay accepts even when it refuses others
 * ({@code mail.smtp.sendpartial}), so that one gone mailbox does not keep an alert from the rest.
 */
@Singleton
@Requires(property = "senderguard.smtp.host")
class RelayedMail {

    /**
     * A refusal of the address itself (RFC 3463 X.1.x: no such mailbox, bad address), not of the
     * relay's policy ({@code 554 5.7.1 Relay access denied}), which is a failure of the setup.
     */
    private static final Pattern NO_SUCH_MAILBOX = Pattern.compile("^(5\\d\\d 5\\.1\\.\\d{1,3}\\b|55[013] (?!\\d\\.))");

    private final EmailSender<?, ?> sender;
    private final MailMeter meter;

    /** @param meter absent where no meters are wired (this module's own tests) */
    RelayedMail(EmailSender<?, ?> sender, @Nullable MailMeter meter) {
        this.sender = sender;
        this.meter = meter == null ? MailMeter.NONE : meter;
    }

    /**
     * @return the recipients the relay did not take the message for, with its answers; the others have it
     * @throws RecipientsRefused when the relay refused every recipient's address for good (no such mailbox)
     */
    List<String> send(MailMeter.Kind kind, Email.Builder email) {
        try {
            sender.send(email);
        } catch (RuntimeException e) {
            SendFailedException refusal = refusal(e);
            List<String> notSent = refusal == null ? List.of() : notSent(refusal);
            if (refusal != null && addresses(refusal.getValidSentAddresses()).length > 0) {
                meter.sent(kind);
                return notSent;
            }
            meter.failed(kind);
            if (refusal != null && addresses(refusal.getValidUnsentAddresses()).length == 0
                    && addresses(refusal.getInvalidAddresses()).length > 0
                    && notSent.stream().allMatch(answer -> NO_SUCH_MAILBOX.matcher(answer).find())) {
                throw new RecipientsRefused(String.join("; ", notSent), e);
            }
            throw e;
        }
        meter.sent(kind);
        return List.of();
    }

    private static SendFailedException refusal(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SendFailedException failed) {
                return failed;
            }
        }
        return null;
    }

    /** Each refused or deferred recipient with the relay's answer to it, on one line. */
    private static List<String> notSent(SendFailedException refusal) {
        List<String> answers = new ArrayList<>();
        for (Exception next = refusal.getNextException(); next != null;
                next = next instanceof MessagingException m ? m.getNextException() : null) {
            answers.add(next.getMessage().strip().replaceAll("\\s+", " "));
        }
        if (answers.isEmpty()) {
            Stream.of(addresses(refusal.getInvalidAddresses()), addresses(refusal.getValidUnsentAddresses()))
                    .flatMap(Arrays::stream).forEach(address -> answers.add(address + ": not sent"));
        }
        return answers;
    }

    private static Address[] addresses(Address[] addresses) {
        return addresses == null ? new Address[0] : addresses;
    }

    /** The relay refused every recipient's address for good; the message names its answers. */
    static final class RecipientsRefused extends RuntimeException {

        RecipientsRefused(String answers, Throwable cause) {
            super(answers, cause);
        }
    }
}
