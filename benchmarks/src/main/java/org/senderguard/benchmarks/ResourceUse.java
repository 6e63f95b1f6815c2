package org.senderguard.benchmarks;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a measured time cost, read as it starts and as it ends: the CPU time of the server's process
 * tree, of MariaDB, of this JVM alone and of the whole machine, the time the hypervisor took away
 * from it, and MariaDB's counters of statements, commits and log flushes. Whatever the machine spent
 * beyond the first three (a load generator such as wrk, other services) is "other".
 */
final class ResourceUse {

    static final List<String> DATABASE_COUNTERS = List.of("Questions", "Com_select", "Com_insert", "Com_update",
            "Com_set_option", "Com_commit", "Innodb_data_fsyncs");
    private static final long SELF = ProcessHandle.current().pid();

    private final long server;
    private final Optional<Long> database;
    private final Connection status;
    private double serverCpu;
    private double databaseCpu;
    private double selfCpu;
    private double machineCpu;
    private double steal;
    private final Map<String, Long> databaseCounters = new HashMap<>();

    /** @param status a connection to MariaDB, to read its counters */
    ResourceUse(long server, Connection status) {
        this.server = server;
        this.database = ProcessCpu.find("mariadbd", "mysqld");
        this.status = status;
    }

    void started() {
        read(-1);
    }

    void ended() {
        read(1);
    }

    double serverCpu() {
        return serverCpu;
    }

    double databaseCpu() {
        return databaseCpu;
    }

    double selfCpu() {
        return selfCpu;
    }

    double otherCpu() {
        return machineCpu - serverCpu - databaseCpu - selfCpu;
    }

    /** See {@link ProcessCpu#stealSeconds()}. */
    double steal() {
        return steal;
    }

    Map<String, Long> databaseCounters() {
        return Map.copyOf(databaseCounters);
    }

    /** A MariaDB counter per unit of work (per decision, per message). */
    double per(String counter, long units) {
        return units == 0 ? Double.NaN : databaseCounters.getOrDefault(counter, 0L) / (double) units;
    }

    private void read(int sign) {
        serverCpu += sign * ProcessCpu.seconds(server);
        databaseCpu += sign * database.map(ProcessCpu::seconds).orElse(Double.NaN);
        selfCpu += sign * ProcessCpu.ownSeconds(SELF);
        machineCpu += sign * ProcessCpu.machineSeconds();
        steal += sign * ProcessCpu.stealSeconds();
        try (Statement statement = status.createStatement();
             ResultSet counters = statement.executeQuery("SHOW GLOBAL STATUS WHERE Variable_name IN ('"
                     + String.join("', '", DATABASE_COUNTERS) + "')")) {
            while (counters.next()) {
                databaseCounters.merge(counters.getString(1), sign * counters.getLong(2), Long::sum);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read MariaDB's counters", e);
        }
    }
}
