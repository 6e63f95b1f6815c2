package org.senderguard.bootstrap;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.server.exceptions.ServerStartupException;
import io.micronaut.runtime.server.EmbeddedServer;
import jakarta.inject.Singleton;
import java.util.concurrent.CountDownLatch;
import org.senderguard.adapters.cli.CliErrorHandler;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Singleton
@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Start the HTTP server (REST API, mail-flow API, health) until stopped with Ctrl-C or SIGTERM.")
public class ServeCommand implements Runnable {

    private final ApplicationContext context;

    @Spec
    CommandSpec spec;
    @Mixin
    ServeOptions options;

    public ServeCommand(ApplicationContext context) {
        this.context = context;
    }

    @Override
    public void run() {
        EmbeddedServer server = context.getBean(EmbeddedServer.class);
        try {
            server.start();
        } catch (ServerStartupException e) {
            // Its own words name the address, its cause's the reason ("Address already in use").
            throw new IllegalStateException(e.getMessage() + ": " + CliErrorHandler.rootCause(e));
        }
        spec.commandLine().getOut().println("senderguard listening on " + server.getURL());
        spec.commandLine().getOut().flush();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            context.close();
            stopped.countDown();
        }, "senderguard-shutdown"));
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
