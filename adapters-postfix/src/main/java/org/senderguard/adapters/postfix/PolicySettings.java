package org.senderguard.adapters.postfix;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.senderguard.domain.blocklist.Probe;

/**
 * The policy server's settings, checked as a whole before it starts: a bad one is an
 * IllegalArgumentException whose message is one line naming the environment variable, the value and
 * what is wrong with it, so that {@code serve} refuses to start with exactly that line.
 *
 * @param address            where to listen
 * @param submitters         the clients whose mail counts as a tenant's own submission without a SASL login
 * @param failMode           how to answer when no decision can be made
 * @param highRiskTransport  the Postfix transport for mail of the high-risk pool; empty: no routing
 * @param idleTimeout        how long a connection may stay without a request
 * @param maxConnections     how many connections may be open at once
 * @param decisionTimeout    how long a request waits for its decision before the fail mode answers it
 */
public record PolicySettings(InetSocketAddress address, SubmitterNetworks submitters, FailMode failMode,
                             Optional<String> highRiskTransport, Duration idleTimeout, int maxConnections,
                             Duration decisionTimeout) {

    static final String PORT = "SENDERGUARD_POLICY_PORT";
    static final String HOST = "SENDERGUARD_POLICY_HOST";
    static final String SUBMITTERS = "SENDERGUARD_POLICY_SUBMITTERS";
    static final String FAIL_MODE = "SENDERGUARD_POLICY_FAIL_MODE";
    static final String HIGH_RISK_TRANSPORT = "SENDERGUARD_POLICY_HIGH_RISK_TRANSPORT";
    static final String IDLE_TIMEOUT = "SENDERGUARD_POLICY_IDLE_TIMEOUT";
    static final String MAX_CONNECTIONS = "SENDERGUARD_POLICY_MAX_CONNECTIONS";
    static final String DECISION_TIMEOUT = "SENDERGUARD_POLICY_DECISION_TIMEOUT";

    static final String DEFAULT_HOST = "127.0.0.1";
    static final String DEFAULT_SUBMITTERS = "127.0.0.0/8,::1";
    /** Longer than Postfix's own smtpd_policy_service_max_idle (300 s), so that Postfix closes first. */
    static final Duration DEFAULT_IDLE_TIMEOUT = Duration.ofMinutes(10);
    static final int DEFAULT_MAX_CONNECTIONS = 1000;
    /** Well under Postfix's smtpd_policy_service_timeout (100 s), so that Postfix hears the fail mode's answer. */
    static final Duration DEFAULT_DECISION_TIMEOUT = Duration.ofSeconds(10);

    /** A master.cf service name: no spaces (they would end the action) and no ':' (FILTER adds the one it needs). */
    private static final Pattern TRANSPORT = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d{1,9})(ms|s|m|h|d)");

    public PolicySettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(submitters, "submitters");
        Objects.requireNonNull(failMode, "failMode");
        Objects.requireNonNull(highRiskTransport, "highRiskTransport");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(decisionTimeout, "decisionTimeout");
    }

    /**
     * From the raw settings, each null or blank when unset (then its default applies; the port has
     * none, since without it there is no policy server).
     */
    static PolicySettings parse(String port, String host, String submitters, String failMode, String highRiskTransport,
                                String idleTimeout, String maxConnections, String decisionTimeout) {
        return new PolicySettings(address(host, port),
                SubmitterNetworks.parse(SUBMITTERS, blank(submitters) ? DEFAULT_SUBMITTERS : submitters),
                FailMode.parse(FAIL_MODE, failMode), transport(highRiskTransport),
                duration(IDLE_TIMEOUT, idleTimeout, DEFAULT_IDLE_TIMEOUT),
                positive(MAX_CONNECTIONS, maxConnections, DEFAULT_MAX_CONNECTIONS),
                duration(DECISION_TIMEOUT, decisionTimeout, DEFAULT_DECISION_TIMEOUT));
    }

    /** {@code 127.0.0.1:10040}, {@code [::1]:10040}. */
    public String hostAndPort() {
        return hostAndPort(address);
    }

    static String hostAndPort(InetSocketAddress address) {
        String host = address.getHostString();
        if (host.indexOf(':') >= 0) {
            host = "[" + Probe.ip("host", host).value() + "]"; // compressed, as IPv6 is written
        }
        return host + ":" + address.getPort();
    }

    private static InetSocketAddress address(String host, String port) {
        if (blank(port)) {
            throw bad(PORT, port, "is not a port number (1-65535)");
        }
        int number;
        try {
            number = Integer.parseInt(port.strip());
        } catch (NumberFormatException e) {
            throw bad(PORT, port, "is not a port number (1-65535)");
        }
        if (number < 1 || number > 65535) {
            throw bad(PORT, port, "is not a port number (1-65535)");
        }
        String name = blank(host) ? DEFAULT_HOST : host.strip();
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        InetSocketAddress address = new InetSocketAddress(name, number);
        if (address.isUnresolved()) {
            throw bad(HOST, host, "is not an address of this host (it does not resolve)");
        }
        return address;
    }

    private static Optional<String> transport(String value) {
        if (blank(value)) {
            return Optional.empty();
        }
        if (!TRANSPORT.matcher(value).matches()) {
            throw bad(HIGH_RISK_TRANSPORT, value, "is not a Postfix transport name (letters, digits, '.', '_' and '-'; "
                    + "no spaces, no ':')");
        }
        return Optional.of(value);
    }

    /** {@code 10m}, {@code 30s}, {@code 500ms}, {@code 1h}, {@code 1d}, or ISO-8601 ({@code PT10M}); more than zero. */
    static Duration duration(String setting, String value, Duration fallback) {
        if (blank(value)) {
            return fallback;
        }
        String text = value.strip().toLowerCase(Locale.ROOT);
        Duration duration;
        Matcher matcher = SHORT_DURATION.matcher(text);
        if (matcher.matches()) {
            long amount = Long.parseLong(matcher.group(1));
            duration = switch (matcher.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                case "h" -> Duration.ofHours(amount);
                default -> Duration.ofDays(amount);
            };
        } else {
            try {
                duration = Duration.parse(text.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw bad(setting, value, "is not a duration (like 500ms, 10s, 10m or 1h)");
            }
        }
        if (duration.isNegative() || duration.isZero()) {
            throw bad(setting, value, "must be longer than zero");
        }
        return duration;
    }

    private static int positive(String setting, String value, int fallback) {
        if (blank(value)) {
            return fallback;
        }
        try {
            int number = Integer.parseInt(value.strip());
            if (number > 0) {
                return number;
            }
        } catch (NumberFormatException e) {
            // Reported below.
        }
        throw bad(setting, value, "is not a whole number greater than zero");
    }

    static boolean blank(String value) {
        return value == null || value.isBlank();
    }

    /** No cause: the start failure is reported by its deepest cause's message, which must be this line. */
    static IllegalArgumentException bad(String setting, String value, String problem) {
        return new IllegalArgumentException(setting + ": " + quote(value) + " " + problem);
    }

    /** The value as given, with anything unprintable escaped so that it cannot break the line. */
    static String quote(String value) {
        if (value == null) {
            return "''";
        }
        StringBuilder quoted = new StringBuilder("'");
        value.codePoints().forEach(c -> {
            if (Character.isISOControl(c)) {
                quoted.append(String.format("\\u%04x", c));
            } else {
                quoted.appendCodePoint(c);
            }
        });
        return quoted.append('\'').toString();
    }
}
