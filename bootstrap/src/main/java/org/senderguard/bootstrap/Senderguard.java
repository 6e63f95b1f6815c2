package org.senderguard.bootstrap;

import io.micronaut.configuration.picocli.MicronautFactory;
import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TimeZone;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.senderguard.adapters.cli.CliErrorHandler;
import org.senderguard.adapters.cli.SenderguardCommand;
import org.senderguard.adapters.persistence.DatabaseSettings;
import org.senderguard.adapters.persistence.EmbeddedDatabaseSharing;
import org.senderguard.domain.common.FreeText;
import picocli.CommandLine;

/**
 * The one entry point: {@code serve} runs the HTTP server, every other subcommand is the operator
 * CLI. Both open the same database; only {@code serve} starts the server. How processes share the
 * embedded database: EmbeddedDatabaseSharing.
 */
public final class Senderguard {

    private static final Set<String> HELP_OR_VERSION = Set.of("-h", "--help", "-V", "--version");
    /** slf4j-simple's levels, "off" included. */
    private static final List<String> LOG_LEVELS = List.of("trace", "debug", "info", "warn", "error", "off");

    private Senderguard() {
    }

    public static void main(String[] args) {
        Optional<String> mistyped = SettingNames.unknown(System.getenv());
        if (mistyped.isPresent()) {
            System.err.println("senderguard: " + mistyped.get());
            System.exit(CommandLine.ExitCode.USAGE);
        }
        OptionalInt server = ServeLauncher.relaunch(args, System.getenv());
        if (server.isPresent()) {
            System.exit(server.getAsInt());
        }
        ServeLauncher.stopWithLauncher();
        TimeZone.setDefault(TimeZone.getTimeZone(ZoneOffset.UTC));
        int status;
        try {
            status = run(args, System.getenv());
        } catch (RuntimeException | Error e) {
            // Exit whatever happened: threads the failed start left behind would keep the JVM alive.
            System.err.println("senderguard: failed: " + CliErrorHandler.rootCause(e));
            status = CliErrorHandler.FAILURE;
        }
        System.exit(status);
    }

    static int run(String[] args, Map<String, String> env) {
        Optional<String> unknown = CommandNames.unknown(args);
        if (unknown.isPresent()) {
            System.err.println("senderguard: " + unknown.get());
            return CommandLine.ExitCode.USAGE;
        }
        DatabaseSettings database = needsDatabase(args) ? DatabaseSettings.fromEnvironment(env)
                : DatabaseSettings.scratch();
        EmbeddedDatabaseSharing sharing = EmbeddedDatabaseSharing.of(database);
        boolean serve = ServeOptions.fromArgs(args).requested();
        ApplicationContext context;
        try {
            context = startSharing(args, env, database, sharing, serve);
        } catch (RuntimeException e) {
            sharing.close();
            return reported(StartFailure.of(e, database.urlWithoutOptions()));
        }
        try (sharing) {
            CommandLine commandLine;
            try {
                commandLine = commandLine(context);
            } catch (RuntimeException e) { // a bean the commands need could not be made, as with a bad setting
                close(context, sharing, true);
                return reported(StartFailure.of(e, database.urlWithoutOptions()));
            }
            PrintWriter out = utf8(FileDescriptor.out);
            commandLine.setOut(out).setErr(utf8(FileDescriptor.err));
            try {
                int status = commandLine.execute(args);
                // A PrintWriter keeps write errors to itself: an export to a full disk or a closed
                // pipe, cut short, must not exit as a success.
                if (out.checkError() && status == 0) {
                    System.err.println("senderguard: failed: cannot write to standard output");
                    return CliErrorHandler.FAILURE;
                }
                return status;
            } finally {
                close(context, sharing, false);
            }
        }
    }

    /**
     * Standard output or error in UTF-8 whatever the locale: what the commands print is data
     * (exports, JSON, entries' reasons), which a POSIX locale under cron would turn into '?'.
     */
    private static PrintWriter utf8(FileDescriptor stream) {
        return new PrintWriter(new OutputStreamWriter(new FileOutputStream(stream), StandardCharsets.UTF_8), true);
    }

    /** {@code failedToBuild}: closing makes the beans that failed fail again, which was reported already. */
    private static void close(ApplicationContext context, EmbeddedDatabaseSharing sharing, boolean failedToBuild) {
        // Whoever serves the embedded file to others must not take it away from them (bounded).
        sharing.beforeClosing(() -> context.getBean(DataSource.class));
        try {
            context.close();
        } catch (RuntimeException e) {
            if (!failedToBuild) {
                throw e;
            }
        }
    }

    private static int reported(StartFailure failure) {
        System.err.println(failure.line());
        return failure.status();
    }

    /**
     * The context on a database shared with other processes: {@code serve} opens an embedded one
     * alone, so that it is the process that serves the file to the commands that come after it.
     */
    private static ApplicationContext startSharing(String[] args, Map<String, String> env, DatabaseSettings database,
                                                   EmbeddedDatabaseSharing sharing, boolean serve) {
        if (serve) {
            sharing.alone();
        } else {
            sharing.alongsideOthers();
        }
        ApplicationContext context = start(args, env, database);
        if (serve) {
            sharing.release();
        }
        return context;
    }

    /** Help, the version and usage errors need no data: they must work even when the database is down. */
    private static boolean needsDatabase(String[] args) {
        return args.length > 0 && Arrays.stream(args).noneMatch(HELP_OR_VERSION::contains);
    }

    /**
     * The application context for a command line: the given database with its schema migrated, and
     * the HTTP server configured (but not started) only for {@code serve}.
     */
    static ApplicationContext start(String[] args, Map<String, String> env, DatabaseSettings database) {
        setLogLevel(env.get("SENDERGUARD_LOG_LEVEL"));
        DatabaseSettings.bindEmbeddedServerToLoopback();
        ServeOptions serve = ServeOptions.fromArgs(args);
        Map<String, Object> properties = new HashMap<>(database.toProperties());
        properties.putAll(serve.toProperties());
        if (serve.requested()) {
            // Where the server keeps its block-list snapshot, whichever the database.
            properties.put("senderguard.data-dir", DatabaseSettings.dataDirectory(env).toString());
        }
        return ApplicationContext.builder(Senderguard.class)
                .deduceEnvironment(false)
                .environments(serve.requested() ? "server" : Environment.CLI)
                .properties(properties)
                .start();
    }

    /** Must run before the first logger is created. */
    private static void setLogLevel(String level) {
        if (level != null && !level.isBlank()) {
            String normalised = level.strip().toLowerCase(Locale.ROOT);
            if (!LOG_LEVELS.contains(normalised)) {
                throw new IllegalArgumentException("SENDERGUARD_LOG_LEVEL: " + FreeText.quoted(level) + " is not one of "
                        + String.join(", ", LOG_LEVELS));
            }
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", normalised);
            // Over the levels simplelogger.properties sets for single libraries too: for everything.
            Stream.of("org.senderguard", "com.zaxxer.hikari", "org.mariadb.jdbc",
                            "io.micronaut.http.server.netty.NettyHttpServer")
                    .forEach(logger -> System.setProperty("org.slf4j.simpleLogger.log." + logger, normalised));
        }
    }

    /** The command tree: the CLI adapter's commands plus {@code serve}, created by the context. */
    static CommandLine commandLine(ApplicationContext context) {
        CommandLine commandLine = new CommandLine(SenderguardCommand.class, new MicronautFactory(context));
        commandLine.addSubcommand(context.getBean(ServeCommand.class));
        return CliErrorHandler.install(commandLine);
    }
}
