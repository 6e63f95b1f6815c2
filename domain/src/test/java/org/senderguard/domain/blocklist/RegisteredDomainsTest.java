package org.senderguard.domain.blocklist;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.senderguard.domain.common.DomainName;

class RegisteredDomainsTest {

    @ParameterizedTest
    @CsvSource({
            "a.b.example.co.uk, example.co.uk",
            "example.co.uk, example.co.uk",
            "www.contoso.com, contoso.com",
            "contoso.com, contoso.com",
            "deep.er.mail.contoso.com, contoso.com",
            "x.bad-example.net, bad-example.net",
            "shop.xn--bcher-kva.example, xn--bcher-kva.example",
            "a.b.foo.xn--p1ai, foo.xn--p1ai",
            "evil.blogspot.com, evil.blogspot.com",
            "a.evil.blogspot.com, evil.blogspot.com",
            "a.b.c.kawasaki.jp, b.c.kawasaki.jp",
            "a.b.corp.internal, corp.internal",
            "corp.internal, corp.internal"})
    void isThePublicSuffixPlusOneLabel(String domain, String expected) {
        assertThat(RegisteredDomains.of(DomainName.parse("d", domain))).contains(new DomainName(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"co.uk", "blogspot.com", "github.io", "c.kawasaki.jp"})
    void isEmptyForAPublicSuffix(String suffix) {
        assertThat(RegisteredDomains.of(DomainName.parse("d", suffix))).isEmpty();
    }
}
