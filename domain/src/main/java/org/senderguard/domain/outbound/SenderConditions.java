package org.senderguard.domain.outbound;

import java.util.Collection;
import java.util.Collections;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.EmailAddress;

/**
 * Which senders a custom policy applies to. Values of one condition are alternatives; the
 * conditions together must all hold; an excluded sender never matches. A sender domain covers
 * its subdomains. Senders are mailboxes ({@code user@} for {@code user+tag@}), as the accounts
 * that answer for mail are: a mailbox's subaddresses share its limits, so they share its policy.
 */
public record SenderConditions(SortedSet<EmailAddress> senders, SortedSet<DomainName> senderDomains,
                               SortedSet<EmailAddress> excludedSenders) {

    public static final SenderConditions EVERYONE = new SenderConditions(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());

    public SenderConditions {
        senders = mailboxes(senders);
        senderDomains = Collections.unmodifiableSortedSet(new TreeSet<>(senderDomains));
        excludedSenders = mailboxes(excludedSenders);
    }

    public static SenderConditions parse(Collection<String> senders, Collection<String> senderDomains,
                                         Collection<String> excludedSenders) {
        return new SenderConditions(addresses("senders", senders),
                new TreeSet<>(orEmpty(senderDomains).stream().map(d -> DomainName.parse("senderDomains", d)).toList()),
                addresses("excludedSenders", excludedSenders));
    }

    public boolean matches(EmailAddress sender) {
        return (senders.isEmpty() || senders.contains(sender))
                && (senderDomains.isEmpty() || senderDomains.stream().anyMatch(sender.domain()::isWithin))
                && !excludedSenders.contains(sender);
    }

    /** True when the conditions narrow the policy to some senders. */
    public boolean selectsSenders() {
        return !senders.isEmpty() || !senderDomains.isEmpty();
    }

    private static SortedSet<EmailAddress> mailboxes(Collection<EmailAddress> addresses) {
        return Collections.unmodifiableSortedSet(new TreeSet<>(addresses.stream().map(EmailAddress::mailbox).toList()));
    }

    private static SortedSet<EmailAddress> addresses(String field, Collection<String> values) {
        return new TreeSet<>(orEmpty(values).stream().map(v -> EmailAddress.parse(field, v)).toList());
    }

    private static <T> Collection<T> orEmpty(Collection<T> values) {
        return values == null ? Set.of() : values;
    }
}
