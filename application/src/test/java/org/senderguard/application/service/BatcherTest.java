package org.senderguard.application.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.senderguard.application.port.DatabaseUnavailableException;
import org.senderguard.application.port.LockWaitTimeoutException;

class BatcherTest {

    private final ExecutorService workers = Executors.newFixedThreadPool(1);

    @AfterEach
    void stop() {
        workers.shutdownNow();
    }

    @Test
    void requestsWaitingTogetherAreHandledInOneBatch() throws Exception {
        CountDownLatch firstBatchStarted = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        Batcher<Integer, Integer> batcher = new Batcher<>(items -> {
            batchSizes.add(items.size());
            firstBatchStarted.countDown();
            await(release);
            return items.stream().map(i -> i * 10).toList();
        }, workers, 1, 64, Duration.ofSeconds(10), Late::new);

        CompletableFuture<Integer> first = batcher.submit(1);
        firstBatchStarted.await(5, TimeUnit.SECONDS);
        List<CompletableFuture<Integer>> waiting = new ArrayList<>();
        for (int i = 2; i <= 6; i++) {
            waiting.add(batcher.submit(i));
        }
        release.countDown();

        assertThat(first.get(5, TimeUnit.SECONDS)).isEqualTo(10);
        for (int i = 0; i < waiting.size(); i++) {
            assertThat(waiting.get(i).get(5, TimeUnit.SECONDS)).isEqualTo((i + 2) * 10);
        }
        assertThat(batchSizes).containsExactly(1, 5);
    }

    @Test
    void aFailingBatchIsRetriedItemByItemSoOnlyTheBadItemFails() throws Exception {
        assertThatOnlyThirteenFails(new IllegalArgumentException("13 is bad"));
    }

    @Test
    void aBatchThatWaitedTooLongForOneItemsRowIsRetriedItemByItem() throws Exception {
        assertThatOnlyThirteenFails(new LockWaitTimeoutException("row of 13 held", new IllegalStateException("1205")));
    }

    /** A batch that fails for item 13 only, with {@code failure}: the others are answered, 13 gets the failure. */
    private void assertThatOnlyThirteenFails(RuntimeException failure) throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        Batcher<Integer, Integer> batcher = new Batcher<>(items -> {
            await(release);
            if (items.contains(13)) {
                throw failure;
            }
            return items;
        }, workers, 1, 64, Duration.ofSeconds(10), Late::new);

        CompletableFuture<Integer> blocker = batcher.submit(0);
        CompletableFuture<Integer> good = batcher.submit(7);
        CompletableFuture<Integer> bad = batcher.submit(13);
        release.countDown();

        assertThat(blocker.get(5, TimeUnit.SECONDS)).isZero();
        assertThat(good.get(5, TimeUnit.SECONDS)).as("decided without 13").isEqualTo(7);
        assertThatThrownBy(() -> bad.get(5, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .hasCauseInstanceOf(failure.getClass()).hasMessageContaining(failure.getMessage());
    }

    /**
     * A batch that met a row held elsewhere: its items are handled alone by whichever worker is free,
     * so the others are answered while the held item still waits for its row.
     */
    @Test
    void itemsOfABatchThatMetAHeldRowAreAnsweredByFreeWorkersWhileTheHeldOneWaits() throws Exception {
        ExecutorService twoWorkers = Executors.newFixedThreadPool(2);
        CountDownLatch firstStarted = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        CountDownLatch releaseFirst = new CountDownLatch(1);
        CountDownLatch releaseSecond = new CountDownLatch(1);
        CountDownLatch rowReleased = new CountDownLatch(1);
        try {
            Batcher<Integer, Integer> batcher = new Batcher<>(items -> {
                if (items.equals(List.of(1))) {
                    firstStarted.countDown();
                    await(releaseFirst);
                } else if (items.equals(List.of(2))) {
                    secondStarted.countDown();
                    await(releaseSecond);
                } else if (items.contains(13)) {
                    if (items.size() == 1) {
                        await(rowReleased);
                    }
                    throw new LockWaitTimeoutException("row of 13 held", new IllegalStateException("1205"));
                }
                return items;
            }, twoWorkers, 2, 64, Duration.ofSeconds(20), Late::new);

            CompletableFuture<Integer> first = batcher.submit(1);
            firstStarted.await(5, TimeUnit.SECONDS);
            CompletableFuture<Integer> second = batcher.submit(2);
            secondStarted.await(5, TimeUnit.SECONDS);
            CompletableFuture<Integer> held = batcher.submit(13);
            List<CompletableFuture<Integer>> others = List.of(batcher.submit(7), batcher.submit(8));
            releaseFirst.countDown(); // its worker takes 13, 7 and 8 together, then 13 alone
            releaseSecond.countDown(); // the other worker takes 7 and 8, alone

            for (CompletableFuture<Integer> other : others) {
                assertThat(other.get(3, TimeUnit.SECONDS)).as("answered while 13 waits").isIn(7, 8);
            }
            assertThat(held).isNotDone();
            rowReleased.countDown();
            assertThatThrownBy(() -> held.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(LockWaitTimeoutException.class);
            assertThat(List.of(first.get(), second.get())).containsExactly(1, 2);
        } finally {
            twoWorkers.shutdownNow();
        }
    }

    @Test
    void whenTheDatabaseIsUnavailableTheWholeBatchFailsAtOnce() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger batches = new AtomicInteger();
        Batcher<Integer, Integer> batcher = new Batcher<>(items -> {
            batches.incrementAndGet();
            started.countDown();
            await(release);
            throw new DatabaseUnavailableException("gone");
        }, workers, 1, 64, Duration.ofSeconds(10), Late::new);

        CompletableFuture<Integer> blocker = batcher.submit(0);
        started.await(5, TimeUnit.SECONDS);
        List<CompletableFuture<Integer>> waiting = List.of(batcher.submit(1), batcher.submit(2), batcher.submit(3));
        release.countDown();

        assertThatThrownBy(() -> blocker.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(DatabaseUnavailableException.class);
        for (CompletableFuture<Integer> answer : waiting) {
            assertThatThrownBy(() -> answer.get(5, TimeUnit.SECONDS))
                    .hasCauseInstanceOf(DatabaseUnavailableException.class);
        }
        assertThat(batches).as("one batch for the blocker, one for the three waiting, none item by item").hasValue(2);
    }

    @Test
    void aLateAnswerIsTheGivenErrorAndItsItemIsDroppedIfNotTakenYet() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<Integer> handled = Collections.synchronizedList(new ArrayList<>());
        Batcher<Integer, Integer> batcher = new Batcher<>(items -> {
            started.countDown();
            await(release);
            handled.addAll(items);
            return items;
        }, workers, 1, 64, Duration.ofMillis(200), Late::new);

        CompletableFuture<Integer> blocker = batcher.submit(0);
        started.await(5, TimeUnit.SECONDS);
        CompletableFuture<Integer> waiting = batcher.submit(1);

        assertThatThrownBy(() -> waiting.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Late.class);
        assertThatThrownBy(() -> blocker.get(5, TimeUnit.SECONDS)).hasCauseInstanceOf(Late.class);
        release.countDown();
        CompletableFuture<Integer> next = batcher.submit(2);
        assertThat(next.get(5, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(handled).as("the item nobody waits for any more was dropped").containsExactly(0, 2);
    }

    private static final class Late extends RuntimeException {
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
