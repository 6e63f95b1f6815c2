package org.senderguard.bootstrap;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.senderguard.adapters.cli.CliErrorHandler;
import org.senderguard.domain.common.FreeText;
import picocli.CommandLine.ExitCode;

/**
 * What to say, in one line, when the application could not be built, and the exit status: a bad
 * setting (a value the framework cannot convert, or one that the code refuses with an
 * IllegalArgumentException naming it) is the operator's mistake, 2; anything else, such as a
 * database that does not answer, 1.
 */
record StartFailure(String line, int status) {

    private static final Pattern PROPERTY = Pattern.compile("\\$\\{(senderguard\\.[a-z0-9.-]+)");
    private static final Pattern CONVERSION = Pattern.compile(
            "Unable to convert value \\[(.*?)\\] to target type \\[(\\w+)\\]");

    static StartFailure of(Throwable e, String database) {
        IllegalArgumentException refused = null;
        for (Throwable t = e; t != null && t.getCause() != t; t = t.getCause()) {
            Matcher property = PROPERTY.matcher(String.valueOf(t.getMessage()));
            Matcher conversion = CONVERSION.matcher(String.valueOf(t.getMessage()));
            if (property.find() && conversion.find()) {
                return setting(variable(property.group(1)) + ": " + FreeText.quoted(conversion.group(1)) + " is not "
                        + expected(conversion.group(2)));
            }
            if (refused == null && t instanceof IllegalArgumentException illegal) {
                refused = illegal; // the outermost: what wraps a refusal says which setting it is about
            }
        }
        if (refused != null) {
            return setting(String.valueOf(refused.getMessage()));
        }
        return new StartFailure("senderguard: cannot start on the database " + database + ": "
                + FreeText.escaped(CliErrorHandler.rootCause(e)), CliErrorHandler.FAILURE);
    }

    /** The environment variable that sets a property: senderguard.dns.timeout is SENDERGUARD_DNS_TIMEOUT. */
    static String variable(String property) {
        return property.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    private static StartFailure setting(String problem) {
        return new StartFailure("senderguard: " + FreeText.escaped(problem), ExitCode.USAGE);
    }

    private static String expected(String type) {
        return switch (type) {
            case "int", "Integer", "long", "Long" -> "a whole number";
            case "Duration" -> "a duration such as 500ms, 2s, 10m or 1h";
            case "boolean", "Boolean" -> "true or false";
            default -> "a valid " + type;
        };
    }
}
