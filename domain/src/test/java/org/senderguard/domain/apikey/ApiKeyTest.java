package org.senderguard.domain.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.senderguard.domain.common.ConflictException;
import org.senderguard.domain.common.InvalidValueException;
import org.senderguard.domain.tenant.TenantId;

class ApiKeyTest {

    private final SecureRandom random = new SecureRandom();
    private final Instant now = Instant.parse("2026-03-01T10:00:00Z");

    @Test
    void tokenRoundTripsAndHidesItsSecret() {
        ApiKeyToken token = ApiKeyToken.generate(random);
        assertThat(token.value()).matches("sg_[0-9a-f]{16}_[A-Za-z0-9_-]{43}");
        assertThat(ApiKeyToken.parse(token.value())).contains(token);
        assertThat(token.toString()).doesNotContain(token.secret());
    }

    @Test
    void tokensAreUnique() {
        assertThat(ApiKeyToken.generate(random)).isNotEqualTo(ApiKeyToken.generate(random));
    }

    @Test
    void malformedTokensDoNotParse() {
        assertThat(ApiKeyToken.parse(null)).isEmpty();
        assertThat(ApiKeyToken.parse("")).isEmpty();
        assertThat(ApiKeyToken.parse("sg_0123456789abcdef_short")).isEmpty();
        assertThat(ApiKeyToken.parse("Bearer sg_0123456789abcdef_" + "a".repeat(43))).isEmpty();
        String secret = "aZ09_-" + "b".repeat(37);
        assertThat(ApiKeyToken.parse(" sg_0123456789abcdef_" + secret + " "))
                .contains(new ApiKeyToken(new ApiKeyId("0123456789abcdef"), secret));
        for (String wrong : List.of("sg_0123456789ABCDEF_" + secret, "sg_0123456789abcdeg_" + secret,
                "sg_0123456789abcdef-" + secret, "SG_0123456789abcdef_" + secret, "sg_0123456789abcdef_" + secret + "c",
                "sg_0123456789abcdef_" + secret.substring(1) + "=", "sg_0123456789abcdef_" + secret.substring(1) + "+",
                "sg_0123456789abcde_" + secret + "c")) {
            assertThat(ApiKeyToken.parse(wrong)).as(wrong).isEmpty();
        }
        assertThatThrownBy(() -> new ApiKeyId("0123456789abcdeF")).isInstanceOf(InvalidValueException.class);
        assertThatThrownBy(() -> new ApiKeyId("0123456789abcde")).isInstanceOf(InvalidValueException.class);
    }

    @Test
    void storesOnlyTheHashAndAcceptsOnlyTheRightSecret() {
        ApiKeyToken token = ApiKeyToken.generate(random);
        ApiKey key = ApiKey.issue(token, TenantId.newId(), Role.MAIL_FLOW, now);
        assertThat(key.secretHash().hex()).hasSize(64).doesNotContain(token.secret());
        assertThat(key.accepts(token)).isTrue();
        String wrong = token.secret().substring(0, 42) + (token.secret().endsWith("A") ? "B" : "A");
        assertThat(key.accepts(new ApiKeyToken(token.id(), wrong))).isFalse();
    }

    @Test
    void revokedKeysAcceptNothingAndCannotBeRevokedTwice() {
        ApiKeyToken token = ApiKeyToken.generate(random);
        ApiKey revoked = ApiKey.issue(token, TenantId.newId(), Role.GLOBAL_ADMIN, now).revoke(now.plusSeconds(5));
        assertThat(revoked.accepts(token)).isFalse();
        assertThat(revoked.revokedAt()).isEqualTo(now.plusSeconds(5));
        assertThatThrownBy(() -> revoked.revoke(now)).isInstanceOf(ConflictException.class);
    }
}
