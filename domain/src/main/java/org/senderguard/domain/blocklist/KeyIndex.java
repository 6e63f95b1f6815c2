package org.senderguard.domain.blocklist;

/**
 * The string values of an index: senders, domains ({@code d} and {@code *.d}) and URLs, each key
 * once in a {@link KeyTable} with the first of its entries, and the hosts of the URL values with
 * how many URL values each has, so that a URL probe looks for paths only under hosts that have some.
 * A {@link KeyFilter} over every key rules out most candidates with one read of a small array
 * before the table is probed.
 *
 * <p>A domain probe looks up itself and then {@code *.} plus each of its parent domains; a URL
 * probe does the same for its host (only for hosts that have URL entries) and, for each of them,
 * the prefixes of its path that end at a segment boundary. Candidates are hashed incrementally and
 * compared in place: a lookup builds no strings.
 */
final class KeyIndex {

    private static final int SENDER = 0;
    private static final int DOMAIN = 1;
    private static final int URL = 2;
    private static final int URL_HOST = 3;

    private final KeyTable keys = new KeyTable();
    private KeyFilter filter = new KeyFilter(0);

    // ---- lookups -------------------------------------------------------------------------------

    /** Hands the first entry of every key the probe may match to {@code matches} (IP networks aside). */
    void lookup(Probe probe, Matches matches) {
        if (probe instanceof Probe.Address address) {
            String value = address.address().value();
            int hash = value.hashCode();
            if (filter.mightContain(hash)) {
                matches.addChain(valueOf(keys.find(SENDER, hash, false, value, 0, "", 0)));
            }
            lookupHost(address.address().domain().value(), true, null, matches);
        } else if (probe instanceof Probe.Domain domain) {
            lookupHost(domain.domain().value(), true, null, matches);
        } else if (probe instanceof Probe.Url url) {
            lookupHost(url.host(), url.domain() != null, url.path(), matches);
        }
    }

    /**
     * The keys a host can be listed under: itself and, for a domain name, {@code *} plus each parent
     * from a dot ({@code *.b.example.com}, {@code *.example.com}, {@code *.com}). Their string hashes
     * come from one pass right to left. {@code urlPath} null: no URL entries wanted.
     */
    private void lookupHost(String host, boolean domainName, String urlPath, Matches matches) {
        KeyFilter f = filter;
        if (domainName) {
            int hash = 0;
            int power = 1;
            for (int i = host.length() - 1; i > 0; i--) {
                char c = host.charAt(i);
                hash += c * power;
                power *= 31;
                if (c == '.') {
                    int starHash = '*' * power + hash;
                    if (f.mightContain(starHash)) {
                        lookupHostKey(starHash, true, host, i, true, urlPath, matches);
                    }
                }
            }
        }
        int hash = host.hashCode();
        if (f.mightContain(hash)) {
            lookupHostKey(hash, false, host, 0, domainName, urlPath, matches);
        }
    }

    /** The host key {@code (star ? "*" : "") + host.substring(from)}, with the given hash. */
    private void lookupHostKey(int hash, boolean star, String host, int from, boolean domainName, String urlPath,
            Matches matches) {
        if (domainName) {
            matches.addChain(valueOf(keys.find(DOMAIN, hash, star, host, from, "", 0)));
        }
        if (urlPath != null && keys.find(URL_HOST, hash, star, host, from, "", 0) != KeyTable.NONE) {
            lookupUrlPaths(hash, star, host, from, urlPath, matches);
        }
    }

    /**
     * URL values under one host key: the host alone, then each prefix of the path that ends at a
     * segment boundary, with and without its slash. Hashes are extended left to right.
     */
    private void lookupUrlPaths(int hostHash, boolean star, String host, int from, String path, Matches matches) {
        KeyFilter f = filter;
        matches.addChain(valueOf(keys.find(URL, hostHash, star, host, from, path, 0)));
        int hash = hostHash;
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            boolean boundary = c == '/' && i > 0;
            // After "//" the prefix without this slash was the previous one with its slash.
            if (boundary && path.charAt(i - 1) != '/' && f.mightContain(hash)) {
                matches.addChain(valueOf(keys.find(URL, hash, star, host, from, path, i)));
            }
            hash = 31 * hash + c;
            if (boundary && f.mightContain(hash)) {
                matches.addChain(valueOf(keys.find(URL, hash, star, host, from, path, i + 1)));
            }
        }
        if (!path.isEmpty() && !path.endsWith("/") && f.mightContain(hash)) {
            matches.addChain(valueOf(keys.find(URL, hash, star, host, from, path, path.length())));
        }
    }

    private int valueOf(int key) {
        return key == KeyTable.NONE ? EntriesById.NONE : keys.value(key);
    }

    // ---- an entry's key ------------------------------------------------------------------------

    /** The key of a SENDER, DOMAIN or URL value, added without entries when new. */
    int reference(EntryType type, String value) {
        int kind = kind(type);
        int before = keys.size();
        int key = add(kind, value, EntriesById.NONE);
        if (kind == URL && keys.size() > before) {
            int host = add(URL_HOST, urlHost(value), 0);
            keys.setValue(host, keys.value(host) + 1);
        }
        return key;
    }

    String text(int key) {
        return keys.text(key);
    }

    /** The first entry listed under the key, or {@link EntriesById#NONE}. */
    int head(int key) {
        return keys.value(key);
    }

    /** Sets the first entry listed under the key; {@link EntriesById#NONE} drops the key. */
    void setHead(int key, int head) {
        if (head != EntriesById.NONE) {
            keys.setValue(key, head);
            return;
        }
        if (keys.kind(key) == URL) {
            int host = keys.find(URL_HOST, urlHost(keys.text(key)));
            int left = keys.value(host) - 1;
            keys.setValue(host, left);
            if (left == 0) {
                keys.remove(host);
            }
        }
        keys.remove(key);
    }

    private int add(int kind, String text, int initial) {
        int before = keys.size();
        int key = keys.add(kind, text, initial);
        if (keys.size() == before) {
            return key;
        }
        filter.add(text.hashCode());
        if (filter.isCrowded()) {
            // Sized for the live keys, without those of removed values.
            KeyFilter rebuilt = new KeyFilter(keys.size());
            keys.forEachHash(rebuilt::add);
            filter = rebuilt;
        }
        return key;
    }

    private static int kind(EntryType type) {
        return switch (type) {
            case SENDER -> SENDER;
            case DOMAIN -> DOMAIN;
            case URL -> URL;
            case IP -> throw new IllegalArgumentException("IP values are not string keys");
        };
    }

    private static String urlHost(String value) {
        int slash = value.indexOf('/');
        return slash < 0 ? value : value.substring(0, slash);
    }
}
