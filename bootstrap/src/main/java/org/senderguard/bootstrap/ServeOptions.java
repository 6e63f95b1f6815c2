package org.senderguard.bootstrap;

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
            description = "TCP port to listen on (env SENDERGUARD_PORT, default 8080).")
    int port;

    @Option(names = "--host", defaultValue = "${env:SENDERGUARD_HOST:-127.0.0.1}", paramLabel = "HOST",
            description = "Address to listen on (env SENDERGUARD_HOST, default 127.0.0.1).")
    String host;

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
