package org.senderguard.adapters.persistence;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The statements of one explicit MariaDB transaction that are held back to go to the server with
 * the next one, as one multi-statement text: the transaction's {@code START TRANSACTION}, and writes
 * whose outcome nobody reads before the commit (see {@link Sql#updateAtCommit}).
 */
final class PendingStatements {

    /** The statements held back: how many, their text (separated by semicolons) and their parameters. */
    record Held(int count, String text, Object[] params) {
    }

    private final List<String> statements = new ArrayList<>();
    private final List<Object> params = new ArrayList<>();
    /** Whether any statement of the transaction, its start included, has reached the server. */
    private boolean begun;

    PendingStatements() {
        statements.add("START TRANSACTION");
    }

    void add(String sql, Object... values) {
        statements.add(sql);
        params.addAll(Arrays.asList(values)); // with nulls
    }

    boolean isEmpty() {
        return statements.isEmpty();
    }

    /** Whether the transaction has begun on the server: until then, there is nothing to roll back. */
    boolean begun() {
        return begun;
    }

    /** Whether writes are held back: without them, a transaction that has not begun has nothing to commit. */
    boolean holdsWrites() {
        return statements.size() > (begun ? 0 : 1);
    }

    /** Takes the statements held back, to be sent now. */
    Held take() {
        Held held = new Held(statements.size(), String.join(";\n", statements), params.toArray());
        statements.clear();
        params.clear();
        begun = true;
        return held;
    }

    /** Drops the writes held back, as a rollback does. */
    void drop() {
        statements.clear();
        params.clear();
    }
}
