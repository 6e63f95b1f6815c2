package org.senderguard.adapters.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class FingerprintsTest {

    @Test
    void aFingerprintKnowsItsPartitionOrThatItIsInSeveralAndSurvivesGrowth() {
        Random random = new Random(48);
        long[] fingerprints = random.longs(50_000).map(value -> (value >>> 16) | 1).toArray();
        Fingerprints set = new Fingerprints();
        for (int i = 0; i < fingerprints.length; i++) {
            set = set.grownFor(1);
            set.add(fingerprints[i], i % 7);
        }
        set = set.grownFor(1);
        set.add(fingerprints[3], 5);
        assertThat(set.size()).isEqualTo(fingerprints.length);
        for (int i = 0; i < fingerprints.length; i++) {
            assertThat(set.partitionOf(fingerprints[i])).isEqualTo(i == 3 ? Fingerprints.SEVERAL : i % 7);
        }
        Fingerprints all = set;
        assertThat(random.longs(10_000).map(value -> (value >>> 16) | 1)
                .filter(value -> all.partitionOf(value) != Fingerprints.NONE).count())
                .as("others, but for 48-bit chance").isZero();
    }

    @Test
    void aTableBeyondTheLargestIsRefusedAndAPartitionPastTheIndexesCountsAsSeveral() {
        assertThat(new Fingerprints().grownFor(Integer.MAX_VALUE)).isNull();
        Fingerprints set = new Fingerprints().grownFor(2);
        set.add(42, 70_000);
        assertThat(set.partitionOf(42)).isEqualTo(Fingerprints.SEVERAL);
    }

    @Test
    void aKeysFingerprintIsItsFirst48BitsAndNever0() {
        assertThat(Fingerprints.of(new byte[] {0, 0, 0, 0, 0, 0, 7, 7})).isEqualTo(1);
        assertThat(Fingerprints.of(new byte[] {1, 2, 3, 4, 5, 6, 7, 8})).isEqualTo(0x010203040506L);
    }

    @Test
    void periodsKeepTheTableFarBelowMariaDbsPartitionLimit() {
        assertThat(DecisionPartitions.period(Duration.ofMinutes(1))).isEqualTo(Duration.ofSeconds(15));
        assertThat(DecisionPartitions.period(Duration.ofHours(1))).isEqualTo(Duration.ofSeconds(15));
        assertThat(DecisionPartitions.period(Duration.ofHours(24))).isEqualTo(Duration.ofSeconds(168));
        for (Duration retention : List.of(Duration.ofMinutes(1), Duration.ofHours(2), Duration.ofDays(2),
                Duration.ofDays(365))) {
            assertThat(retention.dividedBy(DecisionPartitions.period(retention))).as("%s", retention)
                    .isLessThanOrEqualTo(512);
        }
    }
}
