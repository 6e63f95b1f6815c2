package org.senderguard.application.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class UntilChangedCacheTest {

    private final UntilChangedCache<String, String> cache = new UntilChangedCache<>();
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void keepsAValueUntilItsKeyIsInvalidated() {
        assertThat(cache.get("a", this::load)).isEqualTo("a1");
        assertThat(cache.get("a", this::load)).as("kept, however long").isEqualTo("a1");
        assertThat(cache.get("b", this::load)).isEqualTo("b2");

        cache.invalidate("a");
        assertThat(cache.get("a", this::load)).isEqualTo("a3");
        assertThat(cache.get("b", this::load)).as("other keys stay").isEqualTo("b2");
        assertThat(loads).hasValue(3);
    }

    @Test
    void aLoadOverlappingAnInvalidationAnswersWhatItReadButIsNotKept() {
        String answered = cache.get("a", key -> {
            cache.invalidate("a"); // a change commits while the old value is being read
            return "before";
        });
        assertThat(answered).isEqualTo("before");
        assertThat(cache.get("a", key -> "after")).as("reloaded, not the stale value").isEqualTo("after");
        assertThat(cache.get("a", key -> "later")).as("the later load is kept").isEqualTo("after");
    }

    @Test
    void anyInvalidationDuringALoadKeepsItsValueOut() {
        cache.get("a", key -> {
            cache.invalidateIf(value -> false);
            return "before";
        });
        cache.find("b", key -> {
            cache.invalidateAll();
            return Optional.of("before");
        });
        assertThat(cache.get("a", key -> "after")).isEqualTo("after");
        assertThat(cache.find("b", key -> Optional.of("after"))).contains("after");
    }

    @Test
    void aLoadOnAnotherThreadThatOutlivesAnInvalidationIsNotKept() throws Exception {
        CountDownLatch loading = new CountDownLatch(1);
        CountDownLatch invalidated = new CountDownLatch(1);
        CompletableFuture<String> slow = CompletableFuture.supplyAsync(() -> cache.get("a", key -> {
            loading.countDown();
            await(invalidated);
            return "before";
        }));
        assertThat(loading.await(10, TimeUnit.SECONDS)).isTrue();
        cache.invalidate("a");
        invalidated.countDown();

        assertThat(slow.get(10, TimeUnit.SECONDS)).isEqualTo("before");
        assertThat(cache.get("a", key -> "after")).isEqualTo("after");
    }

    @Test
    void invalidateIfDropsOnlyTheSelectedValues() {
        UntilChangedCache<String, String> keysByTenant = new UntilChangedCache<>();
        keysByTenant.get("key1", key -> "tenant-a");
        keysByTenant.get("key2", key -> "tenant-a");
        keysByTenant.get("key3", key -> "tenant-b");

        keysByTenant.invalidateIf("tenant-a"::equals);

        assertThat(keysByTenant.get("key1", key -> "reloaded")).isEqualTo("reloaded");
        assertThat(keysByTenant.get("key2", key -> "reloaded")).isEqualTo("reloaded");
        assertThat(keysByTenant.get("key3", key -> "reloaded")).isEqualTo("tenant-b");
    }

    @Test
    void findKeepsOnlyValuesThatExist() {
        assertThat(cache.find("guessed", key -> Optional.empty())).isEmpty();
        assertThat(cache.find("guessed", key -> Optional.of("created"))).contains("created");
        assertThat(cache.find("guessed", key -> Optional.empty())).as("kept once it exists").contains("created");
    }

    private String load(String key) {
        return key + loads.incrementAndGet();
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
