package org.senderguard.application.service;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.LockWaitTimeoutException;

/**
 * Groups concurrent requests into batches for a few worker threads: each worker takes whatever is
 * waiting (up to a maximum) and handles it in one go. A batch that fails as a whole is handled
 * again item by item, so one bad item fails alone: its items go back to the head of the queue, each
 * to be handled alone by whichever worker is free, so that an item that waits long (for a row held
 * elsewhere) delays no other. When the database is unavailable, no item is to blame and the whole
 * batch fails at once. A caller whose answer is late gets an error instead, and its item is dropped
 * if no worker has taken it yet.
 *
 * @param <I> a request
 * @param <O> its answer
 */
final class Batcher<I, O> {

    private static final System.Logger LOG = System.getLogger(Batcher.class.getName());

    /** @param alone whether to handle it in a batch of its own: its batch failed once */
    private record Pending<I, O>(I item, CompletableFuture<O> answer, boolean alone) {
    }

    private final Function<List<I>, List<O>> handle;
    private final int maxBatch;
    private final Duration timeout;
    private final Supplier<? extends RuntimeException> late;
    private final BlockingDeque<Pending<I, O>> queue = new LinkedBlockingDeque<>();

    /**
     * @param handle  answers a batch, one answer per item in the same order
     * @param workers runs {@code workerCount} loops; shutting it down stops them
     * @param timeout the longest a caller waits for its answer
     * @param late    what a caller gets when its answer is not there in time
     */
    Batcher(Function<List<I>, List<O>> handle, ExecutorService workers, int workerCount, int maxBatch,
            Duration timeout, Supplier<? extends RuntimeException> late) {
        this.handle = handle;
        this.maxBatch = maxBatch;
        this.timeout = timeout;
        this.late = late;
        for (int i = 0; i < workerCount; i++) {
            workers.execute(this::work);
        }
    }

    CompletableFuture<O> submit(I item) {
        Pending<I, O> pending = new Pending<>(item, new CompletableFuture<>(), false);
        queue.add(pending);
        // orTimeout drops its timer once the answer is there, so that a request does not outlive it.
        return pending.answer().orTimeout(timeout.toMillis(), TimeUnit.MILLISECONDS).exceptionallyCompose(
                failure -> CompletableFuture.failedFuture(failure instanceof TimeoutException ? late.get() : failure));
    }

    private void work() {
        while (!Thread.currentThread().isInterrupted()) {
            List<Pending<I, O>> batch = new ArrayList<>();
            try {
                batch.add(queue.takeFirst());
                if (!batch.get(0).alone()) {
                    queue.drainTo(batch, maxBatch - 1);
                    handBackAlone(batch);
                }
                // Callers that gave up waiting (the database was slow or away) no longer want an answer.
                batch.removeIf(pending -> pending.answer().isDone());
                if (!batch.isEmpty()) {
                    answer(batch);
                }
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
            } catch (Throwable unexpected) {
                // Keep working: the callers of this batch get the error, the next batch may go well.
                batch.forEach(pending -> pending.answer().completeExceptionally(unexpected));
            }
        }
    }

    private void answer(List<Pending<I, O>> batch) {
        try {
            List<O> answers = handle.apply(batch.stream().map(Pending::item).toList());
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).answer().complete(answers.get(i));
            }
        } catch (RuntimeException e) {
            // The database away: every item would fail alike. A row held past the wait: only the
            // items that need it; the others are decided alone.
            if (batch.size() == 1
                    || e instanceof DatabaseUnavailableException && !(e instanceof LockWaitTimeoutException)) {
                batch.forEach(pending -> pending.answer().completeExceptionally(e));
                return;
            }
            LOG.log(Level.DEBUG, "batch of " + batch.size() + " failed, handling it item by item: " + e.getMessage());
            for (int i = batch.size() - 1; i >= 0; i--) {
                Pending<I, O> pending = batch.get(i);
                queue.addFirst(new Pending<>(pending.item(), pending.answer(), true));
            }
        }
    }

    /** Items to be handled alone that the drain took go back to the head, for the next free worker. */
    private void handBackAlone(List<Pending<I, O>> batch) {
        for (int i = batch.size() - 1; i >= 1; i--) {
            if (batch.get(i).alone()) {
                queue.addFirst(batch.remove(i));
            }
        }
    }
}
