package org.senderguard.adapters.cli.blocklist;

import java.util.regex.Pattern;

/**
 * Cells a spreadsheet would run as a formula (OWASP's CSV injection advice: a cell that starts with
 * {@code = + - @}, a tab or a carriage return) are written with a leading {@code '}, which
 * spreadsheets take as "text" and do not show. A cell that already starts with quotes followed by
 * such a character gets one more, so that {@link #restore} is the exact inverse of {@link #neutralise}
 * and an export imports to the values it was made from.
 */
final class CsvCells {

    private static final Pattern RUNNABLE = Pattern.compile("'*[=+\\-@\t\r].*", Pattern.DOTALL);

    private CsvCells() {
    }

    /** The cell to write for a value. */
    static String neutralise(String value) {
        return RUNNABLE.matcher(value).matches() ? "'" + value : value;
    }

    /** The value a cell stands for, read back; null stays null (a missing column). */
    static String restore(String cell) {
        return cell != null && cell.startsWith("'") && RUNNABLE.matcher(cell).region(1, cell.length()).matches()
                ? cell.substring(1) : cell;
    }
}
