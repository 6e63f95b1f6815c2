package org.senderguard.adapters.postfix;

import java.util.ArrayList;
import java.util.List;
import org.senderguard.domain.common.EmailAddress;

/**
 * The recipients of the current transaction that one connection was asked about at RCPT and did
 * not refuse, so that the end of the message can name them (Postfix names a recipient there only
 * when the message has exactly one). Postfix asks about one transaction at a time per connection;
 * its {@code instance} attribute changes with each transaction, and then the memory starts over.
 * Bounded: past {@link #MAX} recipients it remembers that it lost count, and names none.
 */
final class RecipientMemory {

    /** Above Postfix's default smtpd_recipient_limit (1000). */
    static final int MAX = 10_000;

    private String instance = "";
    private final List<EmailAddress> recipients = new ArrayList<>();
    private boolean overflowed;

    /** Starts over when {@code instance} is another transaction than the one remembered. */
    void follow(String instance) {
        if (!instance.equals(this.instance)) {
            this.instance = instance;
            recipients.clear();
            overflowed = false;
        }
    }

    void remember(EmailAddress recipient) {
        if (recipients.size() < MAX) {
            recipients.add(recipient);
        } else {
            overflowed = true;
        }
    }

    /** The remembered recipients; empty when there were more than could be kept. */
    List<EmailAddress> recipients() {
        return overflowed ? List.of() : List.copyOf(recipients);
    }

    int count() {
        return overflowed ? Integer.MAX_VALUE : recipients.size();
    }
}
