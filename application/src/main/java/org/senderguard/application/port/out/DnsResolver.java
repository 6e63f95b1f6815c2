package org.senderguard.application.port.out;

import java.time.Duration;
import java.util.List;

/** Asks DNS for the A records of a name, as DNS block lists answer. */
public interface DnsResolver {

    /** The outcome of one query; {@code addresses} are IPv4 texts, {@code ttl} the smallest TTL of the answer. */
    record Answer(Outcome outcome, List<String> addresses, Duration ttl) {

        public enum Outcome { ADDRESSES, NXDOMAIN, SERVFAIL, TIMEOUT }

        public Answer {
            addresses = List.copyOf(addresses);
        }
    }

    /** Never throws for a DNS failure: a timeout or a server failure is an {@link Answer} too. */
    Answer queryA(String name, Duration timeout);
}
