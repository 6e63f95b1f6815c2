package org.senderguard.adapters.dns;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.Type;

/**
 * A real DNS block-list server for tests: rbldnsd in the foreground on a free UDP port of
 * 127.0.0.1, serving the given zones from a temporary directory, stopped by {@link #close()}.
 * rbldnsd must be installed (Debian/Ubuntu: {@code apt-get install rbldnsd}); without it
 * {@link #start} fails and says so.
 *
 * <pre>{@code
 * try (Rbldnsd dns = Rbldnsd.start(Rbldnsd.Zone.of("bl.test", "ip4set", ":127.0.0.2:\n192.0.2.1\n"))) {
 *     new DnsjavaResolver(dns.address()).queryA("1.2.0.192.bl.test", Duration.ofSeconds(1));
 * }
 * }</pre>
 */
public final class Rbldnsd implements AutoCloseable {

    /** Where Debian puts it; a {@code rbldnsd} on the PATH is used otherwise. */
    private static final Path DEBIAN_BINARY = Path.of("/usr/sbin/rbldnsd");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(15);
    private static final String RELOADED = "zones reloaded";
    private static final int ATTEMPTS = 3;

    private final Process process;
    private final Path directory;
    private final Path log;
    private final List<Zone> zones;
    private final int port;
    private final Thread shutdownHook;

    /**
     * One dataset of a zone: rbldnsd's dataset {@code type} ({@code ip4set}, {@code ip6trie},
     * {@code dnset}, {@code combined}, {@code generic}, ...) and its {@code data} in rbldnsd's text
     * format. A zone given several times is served from all its datasets, answering one A record
     * per dataset that lists the value.
     */
    public record Zone(String name, String type, String data) {

        public Zone {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(data, "data");
        }

        public static Zone of(String name, String type, String data) {
            return new Zone(name, type, data);
        }

        /** A dataset read from a class-path resource, such as {@code /rbldnsd/zen.combined}. */
        public static Zone resource(String name, String type, String resource) {
            try (InputStream in = Rbldnsd.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalArgumentException("no class-path resource " + resource);
                }
                return new Zone(name, type, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private Rbldnsd(Process process, Path directory, Path log, List<Zone> zones, int port) {
        this.process = process;
        this.directory = directory;
        this.log = log;
        this.zones = new ArrayList<>(zones);
        this.port = port;
        this.shutdownHook = new Thread(process::destroyForcibly, "rbldnsd-stop");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    public static Rbldnsd start(Zone... zones) {
        return start(List.of(zones));
    }

    /** Starts rbldnsd and returns once it answers queries. */
    public static Rbldnsd start(List<Zone> zones) {
        if (zones.isEmpty()) {
            throw new IllegalArgumentException("rbldnsd needs at least one zone");
        }
        Path binary = binary();
        IllegalStateException failure = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Path directory = null;
            try {
                directory = writeZones(zones);
                int port = freeUdpPort();
                Path log = directory.resolve("rbldnsd.log");
                Process process = new ProcessBuilder(command(binary, directory, port, zones))
                        .redirectErrorStream(true)
                        .redirectOutput(log.toFile())
                        .start();
                if (awaitAnswer(process, port, zones.get(0).name())) {
                    return new Rbldnsd(process, directory, log, zones, port);
                }
                stop(process);
                failure = new IllegalStateException("rbldnsd did not start on 127.0.0.1/" + port + ":\n"
                        + read(log));
                delete(directory);
                if (!failure.getMessage().contains("bind")) {
                    throw failure;
                }
            } catch (IOException e) {
                delete(directory);
                throw new UncheckedIOException("cannot start rbldnsd (" + binary + ")", e);
            }
        }
        throw failure;
    }

    /** "127.0.0.1:port", as {@code senderguard.dns.resolver} takes it. */
    public String address() {
        return "127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /**
     * Replaces the data of the dataset with the zone's name and type, and returns once rbldnsd has
     * reloaded it (as after a list removes or adds a value).
     */
    public synchronized void update(Zone zone) {
        int index = -1;
        for (int i = 0; i < zones.size(); i++) {
            if (zones.get(i).name().equals(zone.name()) && zones.get(i).type().equals(zone.type())) {
                index = i;
            }
        }
        if (index < 0) {
            throw new IllegalArgumentException("this rbldnsd serves no " + zone.type() + " dataset for " + zone.name());
        }
        try {
            Path file = directory.resolve(fileName(index, zone));
            FileTime before = Files.getLastModifiedTime(file);
            int reloads = count(read(log), RELOADED);
            Files.writeString(file, zone.data());
            // rbldnsd reloads a file only when its modification time changed, in whole seconds.
            long seconds = Math.max(before.toMillis() / 1000 + 2, System.currentTimeMillis() / 1000 + 1);
            Files.setLastModifiedTime(file, FileTime.from(seconds, TimeUnit.SECONDS));
            zones.set(index, zone);
            Process hup = new ProcessBuilder("kill", "-HUP", Long.toString(process.pid())).start();
            if (hup.waitFor() != 0) {
                throw new IllegalStateException("cannot signal rbldnsd to reload");
            }
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (count(read(log), RELOADED) <= reloads) {
                if (System.nanoTime() > deadline || !process.isAlive()) {
                    throw new IllegalStateException("rbldnsd did not reload " + zone.name() + ":\n" + read(log));
                }
                Thread.sleep(20);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while rbldnsd reloads", e);
        }
    }

    /** What rbldnsd printed: its start-up, reloads and errors. */
    public String log() {
        return read(log);
    }

    @Override
    public void close() {
        stop(process);
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook stops it anyway.
        }
        delete(directory);
    }

    /** Why rbldnsd cannot run here, or empty when it can. */
    public static Optional<String> unavailableReason() {
        try {
            binary();
            return Optional.empty();
        } catch (IllegalStateException e) {
            return Optional.of(e.getMessage());
        }
    }

    private static Path binary() {
        if (Files.isExecutable(DEBIAN_BINARY)) {
            return DEBIAN_BINARY;
        }
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(java.io.File.pathSeparator)) {
                Path candidate = Path.of(dir, "rbldnsd");
                if (!dir.isEmpty() && Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        throw new IllegalStateException("rbldnsd is not installed (looked for " + DEBIAN_BINARY + " and on the"
                + " PATH): the DNS tests need this real DNS block-list server; install it with"
                + " 'sudo apt-get install rbldnsd'");
    }

    private static List<String> command(Path binary, Path directory, int port, List<Zone> zones) {
        List<String> command = new ArrayList<>(List.of(binary.toString(),
                "-n",                            // stay in the foreground, a child of this JVM
                "-b", "127.0.0.1/" + port,       // UDP only
                "-w", directory.toString(),      // zone files are relative to it
                "-c", "0"));                     // reload on SIGHUP only, see update()
        for (int i = 0; i < zones.size(); i++) {
            Zone zone = zones.get(i);
            command.add(zone.name() + ":" + zone.type() + ":" + fileName(i, zone));
        }
        return command;
    }

    private static String fileName(int index, Zone zone) {
        return "zone-" + index + "." + zone.type();
    }

    /** Readable by all: run as root, rbldnsd drops to its own user before it reads the files. */
    private static Path writeZones(List<Zone> zones) throws IOException {
        Path directory = Files.createTempDirectory("rbldnsd-");
        setPermissions(directory, "rwxr-xr-x");
        for (int i = 0; i < zones.size(); i++) {
            Path file = directory.resolve(fileName(i, zones.get(i)));
            Files.writeString(file, zones.get(i).data());
            setPermissions(file, "rw-r--r--");
        }
        return directory;
    }

    private static void setPermissions(Path path, String permissions) throws IOException {
        try {
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString(permissions));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: nothing to open up.
        }
    }

    private static int freeUdpPort() throws IOException {
        try (DatagramSocket socket = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))) {
            return socket.getLocalPort();
        }
    }

    /** True once rbldnsd answers a query (with any rcode), false when it exits first. */
    private static boolean awaitAnswer(Process process, int port, String zone) {
        SimpleResolver resolver = new SimpleResolver(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        resolver.setTimeout(Duration.ofMillis(200));
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                return false;
            }
            try {
                Message query = Message.newQuery(Record.newRecord(Name.fromString(zone + "."), Type.A, DClass.IN));
                resolver.send(query);
                return true;
            } catch (IOException e) {
                sleep(Duration.ofMillis(50));
            }
        }
        return false;
    }

    private static void stop(Process process) {
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for rbldnsd", e);
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            return "(cannot read the log: " + e.getMessage() + ")";
        }
    }

    private static int count(String text, String part) {
        int count = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            count++;
        }
        return count;
    }

    private static void delete(Path directory) {
        if (directory == null) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary directory is harmless.
        }
    }
}
