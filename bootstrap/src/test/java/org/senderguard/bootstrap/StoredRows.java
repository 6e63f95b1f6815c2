package org.senderguard.bootstrap;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import javax.sql.DataSource;
import org.senderguard.application.port.out.UnitOfWork;

/**
 * Every row of every table of the test application's database, to tell whether a request stored
 * anything: a row that is new or changed afterwards was written by it. Rows that disappear are
 * not counted, since housekeeping may delete expired rows at any time.
 */
final class StoredRows {

    private final Map<String, Set<String>> rowsByTable;

    private StoredRows(Map<String, Set<String>> rowsByTable) {
        this.rowsByTable = rowsByTable;
    }

    static StoredRows now() {
        DataSource dataSource = TestApplication.context().getBean(DataSource.class);
        return TestApplication.context().getBean(UnitOfWork.class).inTransaction(() -> {
            try {
                Connection connection = dataSource.getConnection();
                Map<String, Set<String>> rows = new LinkedHashMap<>();
                for (String table : tables(connection)) {
                    rows.put(table, rows(connection, table));
                }
                return new StoredRows(rows);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    /** The rows, by table, that are in {@code later} and were not here. */
    Map<String, List<String>> addedIn(StoredRows later) {
        Map<String, List<String>> added = new LinkedHashMap<>();
        later.rowsByTable.forEach((table, rows) -> {
            List<String> fresh = rows.stream().filter(row -> !rowsByTable.getOrDefault(table, Set.of()).contains(row))
                    .toList();
            if (!fresh.isEmpty()) {
                added.put(table, fresh);
            }
        });
        return added;
    }

    private static List<String> tables(Connection connection) throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Statement statement = connection.createStatement(); ResultSet rs = statement.executeQuery(
                "SELECT table_name FROM information_schema.tables WHERE table_schema = CURRENT_SCHEMA "
                        + "AND table_type = 'BASE TABLE' AND table_name <> 'flyway_schema_history'")) {
            while (rs.next()) {
                tables.add(rs.getString(1));
            }
        }
        return tables;
    }

    private static Set<String> rows(Connection connection, String table) throws SQLException {
        Set<String> rows = new HashSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("SELECT * FROM " + table)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringJoiner row = new StringJoiner(" | ");
                for (int column = 1; column <= columns; column++) {
                    row.add(String.valueOf(rs.getString(column)));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
