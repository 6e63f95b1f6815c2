package org.senderguard.bootstrap;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * Where {@code serve} listens. Read before the application context starts, because the HTTP
 * server takes its address from configuration; {@link ServeCommand} shows the same options in help.
 */
public class ServeOptions {

    @Option(names = "--port", defaultValue = "${env:SENDERGUARD_PORT:-8080}", paramLabel = "PORT",
            converter = Port.class, description = "TCP port to listen on (env SENDERGUARD_PORT, default 8080).")
    int port;

    @Option(names = "--host", defaultValue = "${env:SENDERGUARD_HOST:-127.0.0.1}", paramLabel = "HOST",
            converter = Host.class, description = "Address to listen on (env SENDERGUARD_HOST, default 127.0.0.1).")
    String host;

    /** 1-65535: the server would take 0 and -1 for "any free port", and fail on more with a stack trace. */
    static final class Port implements CommandLine.ITypeConverter<Integer> {
        @Override
        public Integer convert(String value) {
            int port;
            try {
                port = Integer.parseInt(value.strip());
            } catch (NumberFormatException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is not a port number (1-65535)");
            }
            if (port < 1 || port > 65535) {
                throw new CommandLine.TypeConversionException(port + " is not a port number (1-65535)");
            }
            return port;
        }
    }

    /** An address or a name that resolves: the server would fail to bind to any other with a stack trace. */
    static final class Host implements CommandLine.ITypeConverter<String> {
        @Override
        public String convert(String value) {
            try {
                InetAddress.getByName(value.strip());
                return value.strip();
            } catch (UnknownHostException e) {
                throw new CommandLine.TypeConversionException("'" + value + "' is neither an IP address nor a host "
                        + "name that resolves");
            }
        }
    }

    private boolean requested;

    /** The options of a {@code serve} command line; for any other command, not requested. */
    static ServeOptions fromArgs(String[] args) {
        ServeOptions options = new ServeOptions();
        if (args.length > 0 && args[0].equals("serve")) {
            options.requested = true;
            try {
                new CommandLine(options).setUnmatchedArgumentsAllowed(true)
                        .parseArgs(Arrays.copyOfRange(args, 1, args.length));
            } catch (ParameterException e) {
                // The full command line is parsed again by picocli, which reports the error properly.
                options.requested = false;
            }
        }
        return options;
    }

    boolean requested() {
        return requested;
    }

    Map<String, Object> toProperties() {
        return requested ? Map.of("micronaut.server.port", port, "micronaut.server.host", host) : Map.of();
    }
}
