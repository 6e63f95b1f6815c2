package org.senderguard.benchmarks;

import java.io.IOException;
import java.net.ServerSocket;

/** Small things every benchmark needs. */
final class Bench {

    private Bench() {
    }

    /** The environment variable, or the fallback when it is unset or blank. */
    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** The java executable running this benchmark, so that the server runs on the same JVM. */
    static String javaCommand() {
        return ProcessHandle.current().info().command().orElse("java");
    }
}
