package org.senderguard.adapters.metrics;

import java.net.InetAddress;
import java.net.UnknownHostException;

/** The {@code instance_id} label of an instance's gauges: {@code SENDERGUARD_INSTANCE_ID}, by default the host name. */
final class InstanceId {

    private InstanceId() {
    }

    static String of(String configured) {
        if (!configured.isBlank()) {
            return configured.strip();
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
