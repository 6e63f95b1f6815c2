package org.senderguard.domain.tenant;

import java.util.Locale;
import java.util.regex.Pattern;
import org.senderguard.domain.common.InvalidValueException;

/** A tenant's slug: 2-63 lower-case letters, digits or hyphens. Input is matched case-insensitively. */
public record TenantName(String value) {

    private static final Pattern SLUG = Pattern.compile("[a-z0-9-]{2,63}");

    public TenantName {
        if (value == null || !SLUG.matcher(value).matches()) {
            throw new InvalidValueException("name", "tenant name '" + value
                    + "' must be 2-63 characters of a-z, 0-9 and '-'");
        }
    }

    public static TenantName parse(String input) {
        return new TenantName(input == null ? null : input.strip().toLowerCase(Locale.ROOT));
    }

    @Override
    public String toString() {
        return value;
    }
}
