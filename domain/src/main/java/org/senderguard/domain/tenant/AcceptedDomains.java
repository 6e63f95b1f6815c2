package org.senderguard.domain.tenant;

import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.InvalidValueException;

/**
 * The domains a tenant sends from and receives for. A recipient in one of them, or in a
 * subdomain of one, is internal; every other recipient is external.
 */
public record AcceptedDomains(SortedSet<DomainName> domains) {

    public static final int MAX = 5000;

    public AcceptedDomains {
        if (domains == null || domains.isEmpty()) {
            throw new InvalidValueException("domains", "a tenant needs at least one accepted domain");
        }
        domains = Collections.unmodifiableSortedSet(new TreeSet<>(domains));
    }

    public static AcceptedDomains of(Collection<DomainName> domains) {
        return new AcceptedDomains(domains == null ? null : new TreeSet<>(domains));
    }

    /** Parses user input, naming the first bad domain. Every decision looks through them: at most {@value #MAX}. */
    public static AcceptedDomains parse(Collection<String> inputs) {
        if (inputs != null && inputs.size() > MAX) {
            throw new InvalidValueException("domains", "a tenant has at most " + MAX + " accepted domains, got "
                    + inputs.size());
        }
        return of(inputs == null ? null : inputs.stream().map(d -> DomainName.parse("domains", d)).toList());
    }

    public boolean covers(DomainName domain) {
        return domains.stream().anyMatch(domain::isWithin);
    }

    /** Whether one of these domains is {@code domain} or under it: the other way round from {@link #covers}. */
    public boolean anyWithin(DomainName domain) {
        return domains.stream().anyMatch(own -> own.isWithin(domain));
    }

    public List<String> values() {
        return domains.stream().map(DomainName::value).toList();
    }
}
