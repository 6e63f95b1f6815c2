package org.senderguard.application.port.in;

import java.util.List;
import org.senderguard.domain.common.DomainException;

/** An import with bad rows: nothing was imported; every bad row is named by its line number. */
public final class ImportFailedException extends DomainException {

    private final List<String> badRows;
    private final long badRowCount;

    public ImportFailedException(List<String> badRows, long badRowCount) {
        super(badRowCount + " bad row" + (badRowCount == 1 ? "" : "s") + "; nothing was imported (first: "
                + badRows.get(0) + ")");
        this.badRows = List.copyOf(badRows);
        this.badRowCount = badRowCount;
    }

    /** The first bad rows, each as {@code line N: problem}. */
    public List<String> badRows() {
        return badRows;
    }

    public long badRowCount() {
        return badRowCount;
    }

    @Override
    public String type() {
        return "invalid-import";
    }
}
