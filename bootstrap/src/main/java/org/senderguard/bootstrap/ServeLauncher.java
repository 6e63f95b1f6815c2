package org.senderguard.bootstrap;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.LoggerFactory;

/**
 * Starts {@code serve} in a child JVM with a class-data-sharing archive, which halves the time to
 * the first answer (most of a start is loading classes). The first start records the archive as
 * the server stops; later starts of the same jar on the same JVM map it. The parent only waits,
 * passes its exit code on and stops the child when it is stopped itself. {@code SENDERGUARD_CDS=off}
 * runs the server in this JVM instead.
 */
final class ServeLauncher {

    /** Set on the child: the pid of the launcher it serves for. */
    static final String CHILD_PROPERTY = "senderguard.serve.child";
    private static final Duration STALE_RECORDING = Duration.ofMinutes(10);
    /** As a shell reports a command stopped by SIGTERM. */
    private static final int LAUNCHER_GONE = 143;
    private static final Duration LAUNCHER_CHECK = Duration.ofSeconds(1);
    /** As a shell reports a command stopped by SIGINT. */
    private static final int INTERRUPTED = 130;

    private ServeLauncher() {
    }

    /** The child's exit code, or empty when this JVM should serve (or run a CLI command) itself. */
    static OptionalInt relaunch(String[] args, Map<String, String> env) {
        if (args.length == 0 || !args[0].equals("serve") || System.getProperty(CHILD_PROPERTY) != null
                || "off".equalsIgnoreCase(env.get("SENDERGUARD_CDS"))) {
            return OptionalInt.empty();
        }
        Path jar = runningJar();
        if (jar == null) {
            return OptionalInt.empty();
        }
        try {
            Path archives = Path.of(env.getOrDefault("SENDERGUARD_DATA_DIR", "./senderguard-data"), "cds");
            Files.createDirectories(archives);
            Path archive = archives.resolve("senderguard-" + archiveKey(jar) + ".jsa");
            Path recording = archives.resolve(archive.getFileName() + ".recording");
            List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
            command.addAll(jvmOptions());
            boolean records = false;
            if (Files.exists(archive)) {
                command.add("-XX:SharedArchiveFile=" + archive);
            } else {
                records = startRecording(recording);
                if (records) {
                    deleteOtherArchives(archives, archive);
                    command.add("-XX:ArchiveClassesAtExit=" + archive);
                }
            }
            command.addAll(List.of("-Xshare:auto", "-Xlog:cds=off", "-Xlog:cds+dynamic=off",
                    "-D" + CHILD_PROPERTY + "=" + ProcessHandle.current().pid(), "-jar", jar.toString()));
            command.addAll(List.of(args));
            Process child = new ProcessBuilder(command).inheritIO().start();
            Path marker = records ? recording : null;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(child, marker), "senderguard-stop-server"));
            int exitCode = child.waitFor();
            endRecording(marker);
            return OptionalInt.of(exitCode);
        } catch (IOException e) {
            // No archive directory or no child process: serve in this JVM, just slower to start.
            return OptionalInt.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return OptionalInt.of(INTERRUPTED);
        }
    }

    /**
     * In the child: stops this server (as SIGTERM would) when its launcher is gone, for a launcher
     * killed outright (SIGKILL, the OOM killer) runs no shutdown hook to stop it, and a supervisor's
     * next start would find the port and the embedded database taken. The launcher is gone once this
     * process has another parent: the kernel hands it to another as the launcher dies, whether or not
     * anyone has collected the launcher's exit status yet.
     */
    static void stopWithLauncher() {
        String launcher = System.getProperty(CHILD_PROPERTY);
        if (launcher == null) {
            return;
        }
        long pid = Long.parseLong(launcher);
        Thread watch = new Thread(() -> {
            while (ProcessHandle.current().parent().map(ProcessHandle::pid).orElse(-1L) == pid) {
                try {
                    Thread.sleep(LAUNCHER_CHECK.toMillis());
                } catch (InterruptedException e) {
                    return;
                }
            }
            LoggerFactory.getLogger(ServeLauncher.class).warn("the launcher (pid {}) is gone; stopping the server", pid);
            System.exit(LAUNCHER_GONE);
        }, "senderguard-launcher-watch");
        watch.setDaemon(true);
        watch.start();
    }

    /**
     * Only one server records an archive at a time; the others start without one. A marker left
     * by a recorder that was killed outright is taken over once it is old.
     */
    private static boolean startRecording(Path recording) throws IOException {
        try {
            Files.createFile(recording);
            return true;
        } catch (FileAlreadyExistsException anotherServerIsRecording) {
            if (Files.getLastModifiedTime(recording).toInstant().isBefore(Instant.now().minus(STALE_RECORDING))) {
                Files.deleteIfExists(recording);
                return startRecording(recording);
            }
            return false;
        }
    }

    /** Archives of earlier jar builds or JVMs are of no use any more. */
    private static void deleteOtherArchives(Path archives, Path current) throws IOException {
        try (Stream<Path> files = Files.list(archives)) {
            for (Path old : files.filter(f -> f.toString().endsWith(".jsa") && !f.equals(current)).toList()) {
                Files.deleteIfExists(old);
            }
        }
    }

    /** Called as the child ends, by the parent's main thread or by its shutdown hook, whichever comes first. */
    private static void endRecording(Path recording) {
        if (recording != null) {
            try {
                Files.deleteIfExists(recording);
            } catch (IOException e) {
                // An old marker is taken over later.
            }
        }
    }

    /** An archive fits one jar build on one JVM build: the key changes with either. */
    private static String archiveKey(Path jar) throws IOException {
        String identity = jar.toAbsolutePath() + "|" + Files.size(jar) + "|" + Files.getLastModifiedTime(jar).toMillis()
                + "|" + System.getProperty("java.vm.version") + "|" + System.getProperty("java.home");
        return Integer.toHexString(identity.hashCode());
    }

    /** The parent was asked to stop: stop the server, let it write its archive, then go. */
    private static void stop(Process child, Path recording) {
        child.destroy();
        try {
            if (!child.waitFor(30, TimeUnit.SECONDS)) {
                child.destroyForcibly();
            }
        } catch (InterruptedException e) {
            child.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        endRecording(recording);
    }

    /** This JVM's options ({@code -Xmx...} and the like): what came before {@code -jar} on its command line. */
    private static List<String> jvmOptions() {
        String[] arguments = ProcessHandle.current().info().arguments().orElse(new String[0]);
        List<String> options = new ArrayList<>();
        for (String argument : arguments) {
            if (argument.equals("-jar")) {
                break;
            }
            options.add(argument);
        }
        return options;
    }

    private static Path runningJar() {
        try {
            Path location = Path.of(ServeLauncher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            return location.toString().endsWith(".jar") && Files.isRegularFile(location) ? location : null;
        } catch (URISyntaxException | SecurityException | NullPointerException e) {
            return null;
        }
    }
}
