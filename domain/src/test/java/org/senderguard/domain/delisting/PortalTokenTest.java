package org.senderguard.domain.delisting;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PortalTokenTest {

    private final SecureRandom random = new SecureRandom();

    @Test
    void aTokenCarries256RandomBitsInUrlSafeText() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            PortalToken token = PortalToken.generate(random);
            assertThat(token.value()).matches("[A-Za-z0-9_-]{43}");
            seen.add(token.value());
        }
        assertThat(seen).hasSize(1000);
    }

    @Test
    void onlyTheHashIsKeptAndItMatchesNoOtherToken() {
        PortalToken token = PortalToken.generate(random);
        assertThat(token.hash().hex()).matches("[0-9a-f]{64}").doesNotContain(token.value());
        assertThat(token.hash().matches(token.value())).isTrue();
        assertThat(token.hash().matches(PortalToken.generate(random).value())).isFalse();
        assertThat(token.toString()).doesNotContain(token.value());
    }

    @Test
    void anythingNotShapedLikeATokenIsNoToken() {
        String good = PortalToken.generate(random).value();
        assertThat(PortalToken.parse(good)).contains(new PortalToken(good));
        assertThat(PortalToken.parse(null)).isEmpty();
        assertThat(PortalToken.parse("")).isEmpty();
        assertThat(PortalToken.parse(good + "x")).isEmpty();
        assertThat(PortalToken.parse(good.substring(1) + "=")).isEmpty();
        assertThat(PortalToken.parse("<script>alert(1)</script>")).isEmpty();
    }
}
