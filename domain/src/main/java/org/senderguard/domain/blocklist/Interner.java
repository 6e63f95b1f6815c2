package org.senderguard.domain.blocklist;

/**
 * Shares equal values that recur across many entries (the expiry of one import) so that a list
 * of millions holds each once. A small direct-mapped cache:
 * fixed size, no growth; a value that collides with another is simply not shared. Not thread-safe.
 */
final class Interner {

    private static final int BITS = 12;

    private final Object[] slots = new Object[1 << BITS];

    @SuppressWarnings("unchecked")
    <T> T intern(T value) {
        if (value == null) {
            return null;
        }
        int i = (value.hashCode() * 0x9E3779B9) >>> (32 - BITS);
        Object existing = slots[i];
        if (value.equals(existing)) {
            return (T) existing;
        }
        slots[i] = value;
        return value;
    }
}
