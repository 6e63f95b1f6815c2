package org.senderguard.bootstrap;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.senderguard.adapters.cli.CliErrorHandler;
import org.senderguard.adapters.cli.SenderguardCommand;
import org.senderguard.adapters.persistence.DatabaseSettings;
import picocli.CommandLine;

/**
 * The one entry point: {@code serve} runs the HTTP server, every other subcommand is the operator
 * CLI. Both open the same database; only {@code serve} starts the server.
 */
public final class Senderguard {

    private Senderguard() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv()));
    }

    static int run(String[] args, Map<String, String> env) {
        try (ApplicationContext context = start(args, env)) {
            return commandLine(context).execute(args);
        }
    }

    /**
     * The application context for a command line: database from the environment, schema migrated,
     * and the HTTP server configured (but not started) only for {@code serve}.
     */
    static ApplicationContext start(String[] args, Map<String, String> env) {
        setLogLevel(env.get("SENDERGUARD_LOG_LEVEL"));
        DatabaseSettings.bindEmbeddedServerToLoopback();
        ServeOptions serve = ServeOptions.fromArgs(args);
        Map<String, Object> properties = new HashMap<>(DatabaseSettings.fromEnvironment(env).toProperties());
        properties.putAll(serve.toProperties());
        return ApplicationContext.builder(Senderguard.class)
                .deduceEnvironment(false)
                .environments(serve.requested() ? "server" : Environment.CLI)
                .properties(properties)
                .start();
    }

    /** Must run before the first logger is created. */
    private static void setLogLevel(String level) {
        if (level != null && !level.isBlank()) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", level.strip().toLowerCase(Locale.ROOT));
            System.setProperty("org.slf4j.simpleLogger.log.org.senderguard", level.strip().toLowerCase(Locale.ROOT));
        }
    }

    /** The command tree: the CLI adapter's commands plus {@code serve}, created by the context. */
    static CommandLine commandLine(ApplicationContext context) {
        CommandLine commandLine = new CommandLine(SenderguardCommand.class, new MicronautFactory(context));
        commandLine.addSubcommand(context.getBean(ServeCommand.class));
        return CliErrorHandler.install(commandLine);
    }
}
