package org.senderguard.benchmarks;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/** CPU time of processes, read from Linux's {@code /proc}. */
final class ProcessCpu {

    /** Linux counts CPU time in clock ticks of 1/100 s ({@code getconf CLK_TCK}) on every common platform. */
    private static final double TICKS_PER_SECOND = clockTicks();

    private ProcessCpu() {
    }

    /** The CPU seconds (user and system) that the process and its living descendants have used so far. */
    static double seconds(long pid) {
        Optional<ProcessHandle> root = ProcessHandle.of(pid);
        if (root.isEmpty()) {
            return 0;
        }
        return Stream.concat(Stream.of(root.get()), root.get().descendants())
                .mapToLong(process -> ticks(process.pid())).sum() / TICKS_PER_SECOND;
    }

    /** The CPU seconds (user and system) that the process itself, without its descendants, has used so far. */
    static double ownSeconds(long pid) {
        return ticks(pid) / TICKS_PER_SECOND;
    }

    /** The CPU seconds every process on the machine has used so far (user, nice, system, interrupts). */
    static double machineSeconds() {
        return machineTicks(1, 2, 3, 6, 7);
    }

    /**
     * The seconds the hypervisor gave this machine's CPUs to others while they had work to do: on a
     * shared host, a measurement with much of it says more about the neighbours than about the code.
     */
    static double stealSeconds() {
        return machineTicks(8);
    }

    /** The sum of these fields of /proc/stat's first line (1 user, 2 nice, 3 system, 6 irq, 7 softirq, 8 steal). */
    private static double machineTicks(int... fields) {
        try {
            String[] line = Files.readAllLines(Path.of("/proc/stat"), StandardCharsets.US_ASCII).get(0).trim()
                    .split("\\s+");
            long ticks = 0;
            for (int field : fields) {
                ticks += Long.parseLong(line[field]);
            }
            return ticks / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException unreadable) {
            return Double.NaN;
        }
    }

    /** The oldest running process whose executable's name is one of {@code names}. */
    static Optional<Long> find(String... names) {
        return ProcessHandle.allProcesses()
                .filter(process -> process.info().command()
                        .map(command -> Stream.of(names).anyMatch(name -> Path.of(command).getFileName()
                                .toString().equals(name)))
                        .orElse(false))
                .map(ProcessHandle::pid).min(Long::compare);
    }

    private static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"), StandardCharsets.US_ASCII);
            // The command name in parentheses may hold spaces: the fields to count start after its ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime, stime
        } catch (IOException | RuntimeException gone) {
            return 0;
        }
    }

    private static double clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String ticks = new String(getconf.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return getconf.waitFor() == 0 ? Double.parseDouble(ticks) : 100;
        } catch (IOException | InterruptedException | NumberFormatException e) {
            return 100;
        }
    }
}
