package org.senderguard.domain.mailflow;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An SMTP reply as mail flow sends it: the basic code (RFC 5321), the enhanced status code (RFC
 * 3463) and one line of text. Adapters render it their way: REST as one string, a Postfix policy
 * server as its {@code action=} line.
 */
public record SmtpReply(int code, String enhancedCode, String text) {

    private static final Pattern ENHANCED = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");
    private static final Pattern LINE = Pattern.compile("([245]\\d\\d) (\\S+) (.+)");

    public SmtpReply {
        Objects.requireNonNull(enhancedCode, "enhancedCode");
        Objects.requireNonNull(text, "text");
        if (code < 200 || code > 599 || !ENHANCED.matcher(enhancedCode).matches()
                || enhancedCode.charAt(0) != String.valueOf(code).charAt(0)) {
            throw new IllegalArgumentException("not a matching SMTP code and enhanced code: " + code + " "
                    + enhancedCode);
        }
        if (text.isBlank() || text.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw new IllegalArgumentException("an SMTP reply's text is one printable line");
        }
    }

    /** A 550 permanent rejection. */
    public static SmtpReply rejection(String enhancedCode, String text) {
        return new SmtpReply(550, enhancedCode, text);
    }

    /** The reply from its usual one-line form, {@code "550 5.1.8 Access denied"}. */
    public static SmtpReply parse(String line) {
        Matcher matcher = LINE.matcher(line);
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not an SMTP reply line: " + line);
        }
        return new SmtpReply(Integer.parseInt(matcher.group(1)), matcher.group(2), matcher.group(3));
    }

    /** {@code "550 5.1.8 Access denied, bad outbound sender"}. */
    @Override
    public String toString() {
        return code + " " + enhancedCode + " " + text;
    }
}
