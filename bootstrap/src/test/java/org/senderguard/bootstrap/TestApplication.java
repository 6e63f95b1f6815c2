package org.senderguard.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.senderguard.adapters.persistence.DatabaseSettings;
import picocli.CommandLine;

/**
 * The application as the jar runs it, started once for all of bootstrap's tests: HTTP server on a
 * free port, embedded database in a fresh directory, mail to a real SMTP server ({@link TestMail}), the
 * CLI on the same context.
 */
final class TestApplication {

    /**
     * Bad API keys per client address and minute: above what the rest of the suite, all from
     * 127.0.0.1, presents (AuthenticationThrottleTest reaches it from an address of its own).
     */
    static final int AUTH_FAILURE_LIMIT = 100;
    /** The /24 networks handed out so far (see {@link #uniqueNet()}). */
    private static final AtomicInteger NETS = new AtomicInteger();
    private static ApplicationContext context;
    private static EmbeddedServer server;
    private static int policyPort;

    private TestApplication() {
    }

    static synchronized ApplicationContext context() {
        if (context == null) {
            try {
                DatabaseSettings.bindEmbeddedServerToLoopback();
                Path dataDir = Files.createTempDirectory("senderguard-it");
                Map<String, Object> properties = new HashMap<>();
                properties.put("senderguard.data-dir", dataDir.toString());
                // Housekeeping would remove expired entries (the tests move the clock) while the hostile
                // corpus checks that refused requests store nothing; the contract tests run it directly.
                properties.put("senderguard.housekeeping.initial-delay", "24h");
                properties.putAll(TestMail.settings());
                // As behind a reverse proxy: each portal test acts as a client address of its own.
                properties.put("senderguard.portal.client-address-header", DelistPortalTest.CLIENT_HEADER);
                properties.put("senderguard.auth.failure-limit", AUTH_FAILURE_LIMIT);
                // The Postfix policy server (PolicyProtocolTest); its 200 concurrent connections fit the limit.
                policyPort = SenderguardJar.freePort();
                properties.put("senderguard.policy.port", policyPort);
                properties.put("senderguard.policy.high-risk-transport", "highrisk");
                properties.put("senderguard.policy.max-connections", 400);
                context = OwnApplication.start(DatabaseSettings.embedded(dataDir), properties);
                server = context.getBean(EmbeddedServer.class).start();
                Runtime.getRuntime().addShutdownHook(new Thread(context::close));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return context;
    }

    static URI uri(String path) {
        context();
        return server.getURI().resolve(path);
    }

    /** The port of the Postfix policy server, on 127.0.0.1. */
    static int policyPort() {
        context();
        return policyPort;
    }

    /**
     * A /24 of the benchmarking range 198.18.0.0/15, as text up to its last octet ({@code "198.18.7."}),
     * that no other test of the suite is handed: the suite shares one list, and two tests that
     * picked the same network at random found it listed by the other.
     */
    static String uniqueNet() {
        int net = NETS.getAndIncrement();
        if (net >= 512) {
            throw new IllegalStateException("the suite asked for more than 512 networks");
        }
        return "198." + (18 + net / 256) + "." + net % 256 + ".";
    }

    static MutableClock clock() {
        return context().getBean(MutableClock.class);
    }

    static JsonMapper json() {
        return context().getBean(JsonMapper.class);
    }

    /** Runs a CLI command in-process, as {@code java -jar senderguard.jar ARGS} would. */
    static CliResult cli(String... args) {
        return cli(context(), args);
    }

    /** Runs a CLI command in-process on another instance of the application. */
    static CliResult cli(ApplicationContext application, String... args) {
        CommandLine commandLine = Senderguard.commandLine(application);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        commandLine.setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true));
        int exitCode = commandLine.execute(args);
        return new CliResult(exitCode, out.toString(), err.toString());
    }

    /** Parses a JSON array of objects, as list commands and endpoints print them. */
    static List<Map<String, Object>> jsonList(String text) {
        try {
            return json().readValue(text, Argument.listOf(Argument.mapOf(String.class, Object.class)));
        } catch (IOException e) {
            throw new UncheckedIOException("not a JSON array: " + text, e);
        }
    }

    record CliResult(int exitCode, String out, String err) {

        /** Parses standard output as a JSON array. */
        List<Map<String, Object>> jsonList() {
            return TestApplication.jsonList(out);
        }

        /** Parses standard output as JSON. */
        @SuppressWarnings("unchecked")
        Map<String, Object> json() {
            try {
                return TestApplication.json().readValue(out, Map.class);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + out + err, e);
            }
        }
    }
}
