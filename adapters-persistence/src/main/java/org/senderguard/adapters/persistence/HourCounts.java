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
        if (column == null || column.isBlank()) {
            return minutes;
        }
        // split(" ") takes String's path for one plain character; " +" would compile a pattern per row.
        for (String entry : column.split(" ")) {
            if (entry.isEmpty()) {
                continue;
            }
            String[] parts = entry.split(":");
            if (parts.length != 4) {
                throw new IllegalStateException("malformed hour_counts entry: " + entry);
            }
            minutes.add(new MinuteCount(Long.parseLong(parts[0]), Integer.parseInt(parts[1]),
                    Integer.parseInt(parts[2]), Integer.parseInt(parts[3])));
        }
        return minutes;
    }
}
