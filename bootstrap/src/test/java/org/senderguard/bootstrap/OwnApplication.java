package org.senderguard.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
import org.senderguard.adapters.persistence.DatabaseSettings;

/**
 * An application context a test starts for itself, where the shared {@link TestApplication} will not
 * do (another database, a relay of its own, a setting it changes): on the database it is given,
 * asking the test DNS server rather than the Internet, its HTTP server (once started) on a free port,
 * and the test's own settings on top.
 */
public final class OwnApplication {

    private OwnApplication() {
    }

    /** @param singletons beans that replace the application's own, e.g. a snapshot store that holds a load back */
    public static ApplicationContext start(DatabaseSettings database, Map<String, ?> settings, Object... singletons) {
        Map<String, Object> properties = new HashMap<>(database.toProperties());
        properties.putAll(TestDns.settings());
        properties.put("micronaut.server.port", -1);
        properties.putAll(settings);
        return ApplicationContext.builder(Senderguard.class).deduceEnvironment(false).environments("test")
                .properties(properties).singletons(singletons).start();
    }

    /** A CLI command's context on the database, with the test environment's beans (its clock) and the settings. */
    public static ApplicationContext startCli(DatabaseSettings database, Map<String, ?> settings) {
        Map<String, Object> properties = new HashMap<>(database.toProperties());
        properties.putAll(settings);
        return ApplicationContext.builder(Senderguard.class).deduceEnvironment(false)
                .environments(Environment.CLI, "test").properties(properties).start();
    }

    /** The embedded database in a fresh folder named after {@code name}, its server on loopback as the jar's. */
    public static DatabaseSettings embeddedDatabase(String name) {
        DatabaseSettings.bindEmbeddedServerToLoopback();
        try {
            return DatabaseSettings.embedded(Files.createTempDirectory("senderguard-" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
