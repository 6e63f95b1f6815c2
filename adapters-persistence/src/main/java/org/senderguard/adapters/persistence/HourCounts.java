package org.senderguard.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.senderguard.domain.outbound.SendingTally.MinuteCount;

/**
 * The {@code hour_counts} column: a tally's minutes as {@code minute:external:internal:spam},
 * separated by spaces (text, so that a migration or an operator can read and write it in SQL).
 */
final class HourCounts {

    private HourCounts() {
    }

    static String format(List<MinuteCount> minutes) {
        return minutes.stream().map(m -> m.epochMinute() + ":" + m.external() + ":" + m.internal() + ":" + m.spam())
                .collect(Collectors.joining(" "));
    }

    static List<MinuteCount> parse(String column) {
        List<MinuteCount> minutes = new ArrayList<>();
        if (column == null) {
            return minutes;
        }
        // Read in place, not split: every decision reads its senders' columns.
        int end;
        for (int start = 0; start < column.length(); start = end + 1) {
            end = column.indexOf(' ', start);
            end = end < 0 ? column.length() : end;
            if (end > start) {
                minutes.add(minute(column, start, end));
            }
        }
        return minutes;
    }

    /** The entry from {@code start} to {@code end}: four numbers separated by three colons. */
    private static MinuteCount minute(String column, int start, int end) {
        int[] colons = new int[3];
        int found = 0;
        for (int i = start; i < end; i++) {
            if (column.charAt(i) == ':') {
                if (found == colons.length) {
                    throw malformed(column, start, end, null);
                }
                colons[found++] = i;
            }
        }
        if (found != colons.length) {
            throw malformed(column, start, end, null);
        }
        try {
            return new MinuteCount(Long.parseLong(column, start, colons[0], 10),
                    Integer.parseInt(column, colons[0] + 1, colons[1], 10),
                    Integer.parseInt(column, colons[1] + 1, colons[2], 10), Integer.parseInt(column, colons[2] + 1, end, 10));
        } catch (NumberFormatException e) {
            throw malformed(column, start, end, e);
        }
    }

    private static IllegalStateException malformed(String column, int start, int end, Exception cause) {
        return new IllegalStateException("malformed hour_counts entry: " + column.substring(start, end), cause);
    }
}
