package org.senderguard.application.port.out;

import java.util.function.Supplier;

/** Runs work in one database transaction: all of it is committed, or none of it. */
public interface UnitOfWork {

    <T> T inTransaction(Supplier<T> work);
}
