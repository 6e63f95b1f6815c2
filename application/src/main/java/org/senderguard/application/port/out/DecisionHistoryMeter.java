package org.senderguard.application.port.out;

/**
 * Observes how the remembered decisions are looked up on MariaDB: the time partitions sealed (asked
 * about only for a key whose fingerprint they hold), those that could be sealed and are not (asked
 * about in MariaDB for every key: catching up after a start, or the fingerprints past their heap
 * budget), and the heap the fingerprints take. Does nothing unless implemented ({@link #NONE}).
 */
public interface DecisionHistoryMeter {

    DecisionHistoryMeter NONE = new DecisionHistoryMeter() {
    };

    /** As of a rotation's sealing. */
    default void sealing(int sealedPartitions, int unsealedPartitions, long fingerprintBytes) {
    }
}
