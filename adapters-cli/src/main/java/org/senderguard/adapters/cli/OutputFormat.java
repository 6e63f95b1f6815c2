package org.senderguard.adapters.cli;

/** How list and show commands print: an aligned table for people, JSON for scripts. */
public enum OutputFormat {
    table, json
}
