package org.senderguard.domain.blocklist;

import inet.ipaddr.IPAddress;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.senderguard.domain.common.DomainName;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/**
 * Reduces a URL to what block lists compare: its host and its path. Scheme, user info, port,
 * query and fragment are dropped. The host is read the way browsers read it (backslashes count as
 * slashes, percent-encoded and IDN hosts are decoded, numeric IPv4 spellings are resolved), so
 * that a listed URL cannot be dodged by writing it differently.
 */
final class Urls {

    static final int MAX_LENGTH = 2048;
    private static final int MAX_HOST = 254; // a 253-character domain name and a trailing dot

    private static final Pattern SCHEME = Pattern.compile("([A-Za-z][A-Za-z0-9+.-]*):");
    private static final Pattern PORT_THEN_PATH = Pattern.compile("\\d*(?:[/?#\\\\].*)?", Pattern.DOTALL);
    private static final Pattern PORT = Pattern.compile("\\d{0,5}");
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private Urls() {
    }

    /**
     * A URL's host and path in canonical form. {@code host} is a domain name (with a leading
     * {@code *.} for a wildcard), an IPv4 address or a bracketed IPv6 address; {@code path} is
     * empty or starts with a slash (and is never just a slash).
     */
    record Parts(String host, DomainName domain, IPAddress ip, boolean wildcard, String path) {

        String canonical() {
            return host + path;
        }
    }

    /**
     * Parses a URL. An {@code entry} (a block-list value) may have a {@code *.} host and must be
     * http or https; a probe (a URL being looked up) may have any scheme that has a host.
     */
    static Parts parse(String field, String input, boolean entry) {
        if (Texts.hasWhitespace(input)) {
            throw new InvalidValueException(field, FreeText.quoted(input) + " is not a valid URL (it contains whitespace)");
        }
        String rest = afterScheme(field, input, entry);
        rest = rest.replace('\\', '/');
        int end = indexOfAny(rest, "/?#", 0);
        String authority = end < 0 ? rest : rest.substring(0, end);
        String tail = end < 0 ? "" : rest.substring(end);
        int queryOrFragment = indexOfAny(tail, "?#", 0);
        String rawPath = queryOrFragment < 0 ? tail : tail.substring(0, queryOrFragment);

        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            authority = authority.substring(at + 1);
        }
        String hostText;
        String port;
        boolean bracketed = authority.startsWith("[");
        if (bracketed) {
            int close = authority.indexOf(']');
            if (close < 0) {
                throw invalid(field, input, "its IPv6 host has no closing ']'");
            }
            hostText = authority.substring(1, close);
            port = authority.substring(close + 1);
            if (!port.isEmpty() && !port.startsWith(":")) {
                throw invalid(field, input, "unexpected characters after the IPv6 host");
            }
            port = port.isEmpty() ? "" : port.substring(1);
        } else {
            int colon = authority.lastIndexOf(':');
            hostText = colon < 0 ? authority : authority.substring(0, colon);
            port = colon < 0 ? "" : authority.substring(colon + 1);
        }
        if (!isPort(port)) {
            throw invalid(field, input, "the port must be a number from 0 to 65535");
        }
        if (hostText.isEmpty()) {
            throw invalid(field, input, "it has no host");
        }
        String path = normalisePath(rawPath);

        Parts parts;
        if (bracketed) {
            IPAddress ip = IpAddresses.urlHostIpv6(field, input, hostText);
            parts = new Parts(ipHost(ip), null, ip, false, path);
        } else {
            parts = namedHost(field, input, percentDecodeHost(field, input, hostText), entry, path);
        }
        if (parts.canonical().length() > MAX_LENGTH) {
            throw invalid(field, input, "it is longer than " + MAX_LENGTH + " characters once normalised");
        }
        return parts;
    }

    /** Empty, or digits for 0 to 65535 with any number of leading zeros, as browsers read a port (000443 is 443). */
    private static boolean isPort(String port) {
        String digits = port.replaceFirst("^0+(?=.)", "");
        return PORT.matcher(digits).matches() && (digits.isEmpty() || Integer.parseInt(digits) <= 65535);
    }

    /** How an IP address appears as a URL host: IPv6 in brackets. */
    static String ipHost(IPAddress ip) {
        String text = IpAddresses.canonical(ip);
        return ip.isIPv6() ? "[" + text + "]" : text;
    }

    private static String afterScheme(String field, String input, boolean entry) {
        Matcher scheme = SCHEME.matcher(input);
        if (!scheme.lookingAt()) {
            return input.startsWith("//") ? input.substring(2) : input;
        }
        String name = scheme.group(1).toLowerCase(Locale.ROOT);
        String rest = input.substring(scheme.end());
        boolean web = name.equals("http") || name.equals("https");
        if (web) {
            // As browsers do for http(s): any run of slashes or backslashes before the host.
            int i = 0;
            while (i < rest.length() && (rest.charAt(i) == '/' || rest.charAt(i) == '\\')) {
                i++;
            }
            return rest.substring(i);
        }
        boolean hierarchical = rest.startsWith("//");
        if (!hierarchical && PORT_THEN_PATH.matcher(rest).matches()) {
            return input; // host:port with no scheme, like example.com:8080/path
        }
        if (entry) {
            throw invalid(field, input, "only http:// and https:// URLs can be listed, not " + name + ":");
        }
        if (!hierarchical) {
            throw invalid(field, input, "a " + name + ": URL has no host");
        }
        return rest.substring(2);
    }

    private static Parts namedHost(String field, String input, String host, boolean entry, String path) {
        boolean wildcard = entry && host.startsWith("*.");
        String base = wildcard ? host.substring(2) : host;
        if (base.indexOf('*') >= 0) {
            throw invalid(field, input, entry
                    ? "a wildcard is only allowed as a leading '*.' on the host, as in *.example.com/path"
                    : "its host contains '*'");
        }
        if (base.length() > MAX_HOST) {
            throw invalid(field, input, "its host is longer than " + MAX_HOST + " characters");
        }
        // Mapped as browsers map it first: 198.51.100.7. and full-width digits are that address too.
        IPAddress ip = DomainName.asciiHost(base).map(IpAddresses::urlHostIpv4).orElse(null);
        if (ip != null) {
            if (wildcard) {
                throw invalid(field, input, "'*.' cannot be put before an IP address");
            }
            return new Parts(ipHost(ip), null, ip, false, path);
        }
        DomainName domain;
        try {
            domain = DomainName.parse(field, base);
        } catch (InvalidValueException e) {
            throw invalid(field, input, "its host is not valid: " + Texts.reason(e));
        }
        if (entry && RegisteredDomains.isRegistrySuffix(domain)) {
            throw invalid(field, input, "its host " + domain.value() + " is a public suffix, under which anyone can"
                    + " register domains; list a domain under it instead");
        }
        return new Parts(wildcard ? "*." + domain.value() : domain.value(), domain, null, wildcard, path);
    }

    private static String percentDecodeHost(String field, String input, String host) {
        if (host.indexOf('%') < 0) {
            return host;
        }
        byte[] bytes = new byte[host.length() * 4];
        int n = 0;
        for (int i = 0; i < host.length(); i++) {
            char c = host.charAt(i);
            if (c == '%') {
                if (i + 2 >= host.length() || hex(host.charAt(i + 1)) < 0 || hex(host.charAt(i + 2)) < 0) {
                    throw invalid(field, input, "its host has a bad percent-encoding");
                }
                bytes[n++] = (byte) (hex(host.charAt(i + 1)) << 4 | hex(host.charAt(i + 2)));
                i += 2;
            } else {
                int codePoint = host.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    bytes[n++] = b;
                }
                i += Character.charCount(codePoint) - 1;
            }
        }
        String decoded = new String(bytes, 0, n, StandardCharsets.UTF_8);
        if (Texts.hasControlCharacter(decoded) || decoded.indexOf('\uFFFD') >= 0) {
            throw invalid(field, input, "its host has a bad percent-encoding");
        }
        return decoded;
    }

    /**
     * RFC 3986 normalisation (section 6.2.2): percent-encoded unreserved characters decoded, other
     * percent-encodings in upper case, characters not allowed in a path (and non-ASCII ones, as
     * UTF-8) percent-encoded, a stray '%' as %25, then dot segments removed. Case is kept: paths
     * are case-sensitive. An empty path or a lone "/" means the whole host and becomes "".
     */
    static String normalisePath(String raw) {
        if (raw.isEmpty()) {
            return "";
        }
        StringBuilder out = new StringBuilder(raw.length() + 8);
        for (int i = 0; i < raw.length(); ) {
            char c = raw.charAt(i);
            if (c == '%') {
                int high = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
                int low = high >= 0 ? hex(raw.charAt(i + 2)) : -1;
                if (low >= 0) {
                    int b = high << 4 | low;
                    if (isUnreserved(b)) {
                        out.append((char) b);
                    } else {
                        appendEncoded(out, b);
                    }
                    i += 3;
                } else {
                    out.append("%25");
                    i++;
                }
            } else if (c < 0x80 && isPathCharacter(c)) {
                out.append(c);
                i++;
            } else {
                int codePoint = raw.codePointAt(i);
                for (byte b : new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8)) {
                    appendEncoded(out, b & 0xff);
                }
                i += Character.charCount(codePoint);
            }
        }
        String path = removeDotSegments(out.toString());
        return path.equals("/") ? "" : path;
    }

    /** RFC 3986 section 5.2.4, for a path that starts with '/'. */
    private static String removeDotSegments(String path) {
        if (!path.contains("/.")) {
            return path;
        }
        StringBuilder out = new StringBuilder(path.length());
        String in = path;
        while (!in.isEmpty()) {
            if (in.startsWith("/./")) {
                in = in.substring(2);
            } else if (in.equals("/.")) {
                in = "/";
            } else if (in.startsWith("/../") || in.equals("/..")) {
                in = in.length() == 3 ? "/" : in.substring(3);
                int last = out.lastIndexOf("/");
                out.setLength(Math.max(last, 0));
            } else {
                int next = in.indexOf('/', 1);
                int cut = next < 0 ? in.length() : next;
                out.append(in, 0, cut);
                in = in.substring(cut);
            }
        }
        return out.length() == 0 ? "/" : out.toString();
    }

    private static boolean isUnreserved(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~';
    }

    private static boolean isPathCharacter(char c) {
        return isUnreserved(c) || "!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static void appendEncoded(StringBuilder out, int b) {
        out.append('%').append(HEX[b >> 4]).append(HEX[b & 0xf]);
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') {
            return c - '0';
        }
        if (c >= 'a' && c <= 'f') {
            return c - 'a' + 10;
        }
        if (c >= 'A' && c <= 'F') {
            return c - 'A' + 10;
        }
        return -1;
    }

    private static int indexOfAny(String s, String chars, int from) {
        for (int i = from; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidValueException invalid(String field, String input, String why) {
        return new InvalidValueException(field, FreeText.quoted(input) + " is not a valid URL (" + why + ")");
    }
}
