package org.senderguard.domain.reputation;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.senderguard.domain.common.FreeText;
import org.senderguard.domain.common.InvalidValueException;

/**
 * One catalog entry: a third-party block list. {@code zone} is its DNS zone, or null when it has
 * none (PhishTank is looked up on its site, not over DNS); {@code scheme} says how its answers
 * decode; {@code delistUrl} is the portal where a listed value asks for removal.
 */
public record ThirdPartyList(String name, String description, Set<ListedKind> lists, String zone, AnswerScheme scheme,
                             String delistUrl, String infoUrl, boolean enabled) {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9 ._-]{1,64}");
    private static final int MAX_DESCRIPTION = 500;
    private static final int MAX_URL = 2000;

    public ThirdPartyList {
        name = name(name);
        description = description(description);
        lists = lists(lists);
        zone = zone == null || zone.isBlank() ? null : Zones.canonical("zone", zone);
        if (scheme == null) {
            throw new InvalidValueException("scheme", "how the list's answers decode is required (one of "
                    + Arrays.toString(AnswerScheme.values()) + ")");
        }
        delistUrl = url("delistUrl", delistUrl, true);
        infoUrl = url("infoUrl", infoUrl, false);
    }

    /** True when a check of a value of this kind queries this list: it is enabled, has a zone and lists that kind. */
    public boolean checks(ListedKind kind) {
        return enabled && zone != null && lists.contains(kind);
    }

    private static String name(String input) {
        if (input == null || input.isBlank()) {
            throw new InvalidValueException("name", "a list name is required");
        }
        String value = input.strip();
        if (!NAME.matcher(value).matches()) {
            throw new InvalidValueException("name", FreeText.quoted(value) + " is not a valid list name (1-64 letters,"
                    + " digits, spaces, dots, underscores or hyphens)");
        }
        return value;
    }

    private static String description(String input) {
        String value = FreeText.optional("description", input, MAX_DESCRIPTION);
        return value == null ? "" : value;
    }

    private static Set<ListedKind> lists(Set<ListedKind> input) {
        if (input == null || input.isEmpty()) {
            throw new InvalidValueException("lists", "say what the list lists: IP, DOMAIN and/or URL");
        }
        for (ListedKind kind : input) {
            if (kind == null) {
                throw new InvalidValueException("lists", "contains an empty kind");
            }
        }
        return Collections.unmodifiableSet(EnumSet.copyOf(input));
    }

    private static String url(String field, String input, boolean required) {
        if (input == null || input.isBlank()) {
            if (required) {
                throw new InvalidValueException(field, "an http(s) URL is required");
            }
            return null;
        }
        String value = input.strip();
        if (value.length() > MAX_URL) {
            throw new InvalidValueException(field, "a URL is at most " + MAX_URL + " characters");
        }
        URI uri;
        try {
            uri = new URI(value);
        } catch (URISyntaxException e) {
            throw new InvalidValueException(field, FreeText.quoted(value) + " is not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new InvalidValueException(field, FreeText.quoted(value) + " is not an http or https URL");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidValueException(field, FreeText.quoted(value) + " has no host");
        }
        return value;
    }

    /** As the audit log shows it. */
    public String describe() {
        return name + ": " + lists.stream().map(Enum::name).sorted().collect(Collectors.joining(", "))
                + (zone == null ? ", no DNS zone" : " at " + zone + ", answers " + scheme)
                + (enabled ? "" : ", disabled") + (delistUrl == null ? "" : "; delisting at " + delistUrl);
    }
}
