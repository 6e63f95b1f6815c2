package org.senderguard.adapters.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** A plain text table with a header row and columns padded to their widest cell. */
public final class Table {

    private final List<String[]> rows = new ArrayList<>();

    private Table(String... headers) {
        rows.add(headers);
    }

    public static Table withHeaders(String... headers) {
        return new Table(headers);
    }

    /** A two-column table of field names and values, for showing one record. */
    public static Table ofFields(Object... namesAndValues) {
        Table table = new Table("FIELD", "VALUE");
        for (int i = 0; i < namesAndValues.length; i += 2) {
            table.row(namesAndValues[i], namesAndValues[i + 1]);
        }
        return table;
    }

    public Table row(Object... cells) {
        rows.add(Arrays.stream(cells).map(c -> c == null ? "-" : c.toString()).toArray(String[]::new));
        return this;
    }

    void print(PrintWriter out) {
        int columns = rows.get(0).length;
        int[] widths = new int[columns];
        for (String[] row : rows) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        for (String[] row : rows) {
            StringBuilder line = new StringBuilder();
            for (int i = 0; i < columns; i++) {
                line.append(i == columns - 1 ? row[i] : String.format("%-" + widths[i] + "s  ", row[i]));
            }
            out.println(line.toString().stripTrailing());
        }
        out.flush();
    }
}
