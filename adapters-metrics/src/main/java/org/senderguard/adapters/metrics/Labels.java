package org.senderguard.adapters.metrics;

import java.util.Locale;

/** Label values as Prometheus users write them: an enum's name in lower case, words joined by hyphens. */
final class Labels {

    private Labels() {
    }

    static String of(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
