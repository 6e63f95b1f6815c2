package org.senderguard.adapters.persistence;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.Iterator;

/**
 * MariaDB's fastest way in for many rows: {@code LOAD DATA LOCAL INFILE}, fed from memory through
 * the driver's local-infile stream rather than from a file. With LOCAL, MariaDB skips a row it
 * cannot take (a duplicate key, say) with a warning instead of failing the statement, so a load
 * that took fewer rows than it was given, or warned at all, fails here, and its transaction with it.
 */
final class LocalInfile {

    /** MariaDB's code for a duplicate key: an integrity violation, which the unit of work reports as a conflict. */
    private static final int DUPLICATE_KEY = 1062;
    /** The SQLSTATE of a clash with a unique key, which the unit of work reports as a conflict. */
    static final String INTEGRITY_VIOLATION = "23000";
    private static final String DATA_EXCEPTION = "22000";

    private LocalInfile() {
    }

    /**
     * Whether the connection can load this way: it is MariaDB's, and both the driver
     * ({@code allowLocalInfile} in the URL) and the server ({@code local_infile}) allow it, as they
     * do by default.
     */
    static boolean supports(Connection connection) throws SQLException {
        if (!connection.isWrapperFor(org.mariadb.jdbc.Connection.class)
                || !connection.unwrap(org.mariadb.jdbc.Connection.class).getContext().getConf().allowLocalInfile()) {
            return false;
        }
        try (Statement statement = connection.createStatement();
             ResultSet allowed = statement.executeQuery("SELECT @@local_infile")) {
            return allowed.next() && allowed.getBoolean(1);
        }
    }

    /**
     * Loads {@code count} rows, each one value per column, into the table. The rows must not clash
     * with each other on a unique key: into an empty table (below) MariaDB finds a clash only at the
     * end of the load, and reports it as a failed commit, not as a duplicate key.
     */
    static void load(Connection connection, String table, String columns, Iterator<Object[]> rows, long count)
            throws SQLException {
        try (Statement statement = connection.createStatement()) {
            if (!bulkInsertApplies(statement, table)) {
                load(statement, table, columns, rows, count);
                return;
            }
            statement.execute("SET SESSION unique_checks = 0, foreign_key_checks = 0");
            try {
                load(statement, table, columns, rows, count);
            } catch (SQLException | RuntimeException failure) {
                try {
                    checksOn(statement);
                } catch (SQLException alsoFailed) {
                    failure.addSuppressed(alsoFailed);
                }
                throw failure;
            }
            checksOn(statement);
        }
    }

    /** Before the connection goes back to the pool: a session that failed to do this is lost, and the pool drops it. */
    private static void checksOn(Statement statement) throws SQLException {
        statement.execute("SET SESSION unique_checks = 1, foreign_key_checks = 1");
    }

    /**
     * Whether MariaDB's bulk insert into an empty table (10.6 on) applies: with unique and foreign-key
     * checks off, it sorts each index once at the end instead of inserting into every index row by
     * row, and undoes the whole load at once on rollback (about a third less time for a million
     * rows). The table stays locked to other writers until the commit; duplicates are still refused.
     * Only into an empty table, and only without InnoDB's change buffer: were the table filled
     * meanwhile, the load would go row by row, and the change buffer could then take an insert into
     * a unique index unchecked. The buffer is off by default (and gone from MariaDB 11).
     */
    private static boolean bulkInsertApplies(Statement statement, String table) throws SQLException {
        try (ResultSet empty = statement.executeQuery("SELECT NOT EXISTS (SELECT 1 FROM " + table + ") AND "
                + "COALESCE((SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_VARIABLES"
                + " WHERE VARIABLE_NAME = 'INNODB_CHANGE_BUFFERING'), 'none') = 'none'")) {
            return empty.next() && empty.getBoolean(1);
        }
    }

    private static void load(Statement statement, String table, String columns, Iterator<Object[]> rows, long count)
            throws SQLException {
        statement.unwrap(org.mariadb.jdbc.Statement.class).setLocalInfileInputStream(new TabSeparated(rows));
        long loaded = statement.executeLargeUpdate("LOAD DATA LOCAL INFILE 'rows.tsv' INTO TABLE " + table
                + " CHARACTER SET utf8mb4 FIELDS TERMINATED BY '\\t' ESCAPED BY '\\\\' LINES TERMINATED BY '\\n' ("
                + columns + ")");
        try (ResultSet warnings = statement.executeQuery("SHOW WARNINGS LIMIT 1")) {
            boolean warned = warnings.next();
            if (loaded != count || warned) {
                throw new SQLException("the database took " + loaded + " of " + count + " rows"
                        + (warned ? ": " + warnings.getString("Message") : ""),
                        warned && warnings.getInt("Code") == DUPLICATE_KEY ? INTEGRITY_VIOLATION : DATA_EXCEPTION);
            }
        }
    }

    /**
     * Rows as LOAD DATA reads them by default: tab-separated, one a line, {@code \N} for NULL, and
     * backslash, tab, newline, carriage return and NUL escaped. Encoded a few hundred rows at a time.
     */
    private static final class TabSeparated extends InputStream {

        private static final int ROWS_PER_BUFFER = 256;
        /**
         * The most handed to the driver per read: it reads into 8 KB and writes that into its packet
         * buffer of 8 KB after a 4-byte header, and a full 8 KB would make it allocate a 128 KB buffer
         * for every packet (a third of an import's CPU time).
         */
        private static final int MOST_PER_READ = 8192 - 4;

        private final Iterator<Object[]> rows;
        private final StringBuilder text = new StringBuilder();
        private byte[] buffer = new byte[0];
        private int position;

        TabSeparated(Iterator<Object[]> rows) {
            this.rows = rows;
        }

        @Override
        public int read() {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] target, int offset, int length) {
            if (length == 0) {
                return 0;
            }
            while (position == buffer.length) {
                if (!rows.hasNext()) {
                    return -1;
                }
                fill();
            }
            int n = Math.min(Math.min(length, MOST_PER_READ), buffer.length - position);
            System.arraycopy(buffer, position, target, offset, n);
            position += n;
            return n;
        }

        private void fill() {
            text.setLength(0);
            for (int i = 0; i < ROWS_PER_BUFFER && rows.hasNext(); i++) {
                Object[] row = rows.next();
                for (int column = 0; column < row.length; column++) {
                    if (column > 0) {
                        text.append('\t');
                    }
                    append(Sql.column(row[column]));
                }
                text.append('\n');
            }
            buffer = text.toString().getBytes(StandardCharsets.UTF_8);
            position = 0;
        }

        private void append(Object value) {
            if (value == null) {
                text.append("\\N");
            } else if (value instanceof Boolean bool) {
                text.append(bool ? '1' : '0');
            } else if (value instanceof LocalDateTime time) {
                appendTime(time);
            } else {
                String string = value.toString();
                if (!needsEscaping(string)) {
                    text.append(string);
                    return;
                }
                for (int i = 0; i < string.length(); i++) {
                    char c = string.charAt(i);
                    switch (c) {
                        case '\\' -> text.append("\\\\");
                        case '\t' -> text.append("\\t");
                        case '\n' -> text.append("\\n");
                        case '\r' -> text.append("\\r");
                        case '\0' -> text.append("\\0");
                        default -> text.append(c);
                    }
                }
            }
        }

        /**
         * As DATETIME(6) reads it: {@code yyyy-MM-dd HH:mm:ss.ffffff}. Written digit by digit, as a
         * {@link java.time.format.DateTimeFormatter} takes a microsecond a value (every expiry
         * differs); years outside 0-9999 are not DATETIME values, and the database refuses them.
         */
        private void appendTime(LocalDateTime time) {
            digits(time.getYear(), 4).append('-');
            digits(time.getMonthValue(), 2).append('-');
            digits(time.getDayOfMonth(), 2).append(' ');
            digits(time.getHour(), 2).append(':');
            digits(time.getMinute(), 2).append(':');
            digits(time.getSecond(), 2).append('.');
            digits(time.getNano() / 1000, 6);
        }

        /** {@code number} in decimal, zero-padded to {@code width} digits. */
        private StringBuilder digits(int number, int width) {
            String written = Integer.toString(number);
            for (int i = written.length(); i < width; i++) {
                text.append('0');
            }
            return text.append(written);
        }

        /** Most values have no character to escape, and are appended whole. */
        private static boolean needsEscaping(String string) {
            for (int i = 0; i < string.length(); i++) {
                char c = string.charAt(i);
                if (c == '\\' || c == '\t' || c == '\n' || c == '\r' || c == '\0') {
                    return true;
                }
            }
            return false;
        }
    }
}
