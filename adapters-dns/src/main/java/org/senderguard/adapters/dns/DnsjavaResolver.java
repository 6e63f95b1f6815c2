package org.senderguard.adapters.dns;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NoRouteToHostException;
import java.net.PortUnreachableException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.senderguard.application.port.out.DnsResolver;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.ResolverConfig;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Asks one DNS server, over UDP (TCP when an answer is truncated), for A records. The server is
 * {@code senderguard.dns.resolver} ({@code SENDERGUARD_DNS_RESOLVER}), "host:port" with port 53 by
 * default, or the system's first resolver when it is unset. Names are absolute: no search path.
 * Nothing is cached here; each call sends one query with its own timeout, so calls run in parallel.
 */
@Singleton
public final class DnsjavaResolver implements DnsResolver {

    static final String PROPERTY = "senderguard.dns.resolver";
    private static final int DEFAULT_PORT = 53;
    private static final Duration SHORTEST_TIMEOUT = Duration.ofMillis(1);

    private final InetSocketAddress server;

    /** {@code resolver}: "host:port", "host", "[ipv6]:port" or a bare IPv6 address; blank for the system's resolver. */
    public DnsjavaResolver(@Value("${" + PROPERTY + ":}") String resolver) {
        this.server = resolver == null || resolver.isBlank() ? ResolverConfig.getCurrentConfig().server()
                : parse(resolver.strip());
    }

    /** The server queries go to. */
    public InetSocketAddress server() {
        return server;
    }

    @Override
    public Answer queryA(String name, Duration timeout) {
        Message query = Message.newQuery(Record.newRecord(absolute(name), Type.A, DClass.IN));
        SimpleResolver resolver = new SimpleResolver(server);
        resolver.setTimeout(timeout == null || timeout.compareTo(SHORTEST_TIMEOUT) < 0 ? SHORTEST_TIMEOUT : timeout);
        Message response;
        try {
            response = resolver.send(query);
        } catch (IOException e) {
            // A wait that ran out, or no way to reach the server at all (nothing listens at its port).
            return new Answer(unreachable(e) ? Answer.Outcome.SERVFAIL : Answer.Outcome.TIMEOUT, List.of(),
                    Duration.ZERO);
        }
        return answer(response);
    }

    /** Refused at once (ICMP port or host unreachable, a refused TCP connection): no wait ran out. */
    private static boolean unreachable(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PortUnreachableException || t instanceof ConnectException
                    || t instanceof NoRouteToHostException) {
                return true;
            }
        }
        return false;
    }

    private static Answer answer(Message response) {
        int rcode = response.getRcode();
        if (rcode == Rcode.NXDOMAIN) {
            return new Answer(Answer.Outcome.NXDOMAIN, List.of(), negativeTtl(response));
        }
        if (rcode != Rcode.NOERROR) {
            return new Answer(Answer.Outcome.SERVFAIL, List.of(), Duration.ZERO);
        }
        List<String> addresses = new ArrayList<>();
        long ttl = Long.MAX_VALUE;
        for (Record record : response.getSection(Section.ANSWER)) {
            if (record instanceof ARecord a && record.getDClass() == DClass.IN) {
                String address = a.getAddress().getHostAddress();
                if (!addresses.contains(address)) {
                    addresses.add(address);
                }
                ttl = Math.min(ttl, record.getTTL());
            }
        }
        if (!addresses.isEmpty()) {
            return new Answer(Answer.Outcome.ADDRESSES, addresses, Duration.ofSeconds(ttl));
        }
        // No address for the name. Only the zone's SOA makes that an answer (RFC 2308 NODATA); an
        // empty answer without one is a referral or a server that does not serve the zone, which
        // says nothing about whether the name is listed.
        return soa(response) != null ? new Answer(Answer.Outcome.NXDOMAIN, List.of(), negativeTtl(response))
                : new Answer(Answer.Outcome.SERVFAIL, List.of(), Duration.ZERO);
    }

    private static SOARecord soa(Message response) {
        for (Record record : response.getSection(Section.AUTHORITY)) {
            if (record instanceof SOARecord soa) {
                return soa;
            }
        }
        return null;
    }

    /** How long a negative answer may be cached (RFC 2308): the SOA's TTL capped by its minimum field. */
    private static Duration negativeTtl(Message response) {
        SOARecord soa = soa(response);
        return soa == null ? Duration.ZERO : Duration.ofSeconds(Math.min(soa.getTTL(), soa.getMinimum()));
    }

    private static Name absolute(String name) {
        try {
            return Name.fromString(name.endsWith(".") ? name : name + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException("not a DNS name: " + name, e);
        }
    }

    static InetSocketAddress parse(String text) {
        String host = text;
        int port = DEFAULT_PORT;
        if (text.startsWith("[")) {
            int end = text.indexOf(']');
            if (end < 0 || (end + 1 < text.length() && text.charAt(end + 1) != ':')) {
                throw invalid(text, "an IPv6 address with a port is written [address]:port");
            }
            host = text.substring(1, end);
            if (end + 1 < text.length()) {
                port = port(text, text.substring(end + 2));
            }
        } else if (text.indexOf(':') >= 0 && text.indexOf(':') == text.lastIndexOf(':')) {
            host = text.substring(0, text.indexOf(':'));
            port = port(text, text.substring(text.indexOf(':') + 1));
        }
        if (host.isEmpty()) {
            throw invalid(text, "the host is missing");
        }
        try {
            return new InetSocketAddress(InetAddress.getByName(host), port);
        } catch (UnknownHostException e) {
            throw invalid(text, "unknown host " + host);
        }
    }

    private static int port(String text, String port) {
        try {
            int value = Integer.parseInt(port);
            if (value >= 1 && value <= 65535) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw invalid(text, "the port must be a number from 1 to 65535");
    }

    private static IllegalArgumentException invalid(String text, String why) {
        return new IllegalArgumentException(PROPERTY + " (SENDERGUARD_DNS_RESOLVER) '" + text
                + "' is not a DNS server address such as 192.0.2.53:53: " + why);
    }

    @Override
    public String toString() {
        return "DnsjavaResolver[" + server.getAddress().getHostAddress() + ":" + server.getPort() + "]";
    }
}
