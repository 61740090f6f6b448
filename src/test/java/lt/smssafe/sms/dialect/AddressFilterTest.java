package lt.smssafe.sms.dialect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The {@code notify.allow} list: addresses and CIDR blocks, IPv4 and IPv6, and what it refuses to parse. */
class AddressFilterTest {

    @Test
    void aSingleIpv4AddressAllowsOnlyItself() {
        AddressFilter filter = AddressFilter.parse("192.0.2.10");

        assertThat(filter.allows("192.0.2.10")).isTrue();
        assertThat(filter.allows("192.0.2.11")).isFalse();
        assertThat(filter.allowsEveryone()).isFalse();
    }

    @Test
    void anIpv4Slash24AllowsItsBlockOnly() {
        AddressFilter filter = AddressFilter.parse("192.0.2.0/24");

        assertThat(filter.allows("192.0.2.0")).isTrue();
        assertThat(filter.allows("192.0.2.255")).isTrue();
        assertThat(filter.allows("192.0.3.0")).isFalse();
        assertThat(filter.allows("192.0.1.255")).isFalse();
    }

    @Test
    void hostBitsInABlockAreIgnored() {
        assertThat(AddressFilter.parse("192.0.2.77/24").allows("192.0.2.1")).isTrue();
    }

    @Test
    void slashZeroAllowsEveryAddressOfItsFamily() {
        AddressFilter ipv4 = AddressFilter.parse("0.0.0.0/0");

        assertThat(ipv4.allows("1.2.3.4")).isTrue();
        assertThat(ipv4.allows("255.255.255.255")).isTrue();
        assertThat(ipv4.allows("2001:db8::1")).isFalse();
        assertThat(AddressFilter.parse("::/0").allows("2001:db8::1")).isTrue();
    }

    @Test
    void aSingleIpv6AddressAllowsItselfInAnySpelling() {
        AddressFilter filter = AddressFilter.parse("2001:db8::1");

        assertThat(filter.allows("2001:db8::1")).isTrue();
        assertThat(filter.allows("2001:0db8:0000:0000:0000:0000:0000:0001")).isTrue();
        assertThat(filter.allows("[2001:db8::1]")).isTrue();
        assertThat(filter.allows("2001:db8::2")).isFalse();
    }

    @Test
    void anIpv6Slash64AllowsItsBlockOnly() {
        AddressFilter filter = AddressFilter.parse("2001:db8:1:2::/64");

        assertThat(filter.allows("2001:db8:1:2::1")).isTrue();
        assertThat(filter.allows("2001:db8:1:2:ffff:ffff:ffff:ffff")).isTrue();
        assertThat(filter.allows("2001:db8:1:3::1")).isFalse();
        assertThat(filter.allows("192.0.2.1")).isFalse();
    }

    @Test
    void anIpv4MappedCallerMatchesItsIpv4Block() {
        // a dual-stack container may report an IPv4 caller as ::ffff:a.b.c.d
        AddressFilter filter = AddressFilter.parse("192.0.2.0/24");

        assertThat(filter.allows("::ffff:192.0.2.10")).isTrue();
        assertThat(filter.allows("::ffff:198.51.100.1")).isFalse();
    }

    @Test
    void anIpv4MappedEntryMeansItsIpv4Address() {
        AddressFilter filter = AddressFilter.parse("::ffff:192.0.2.10");

        assertThat(filter.allows("192.0.2.10")).isTrue();
        assertThat(filter.allows("192.0.2.11")).isFalse();
    }

    @Test
    void aListAllowsTheUnionOfItsEntries() {
        AddressFilter filter = AddressFilter.parse(" 192.0.2.10 , 198.51.100.0/24,2001:db8::/32 ");

        assertThat(filter.allows("192.0.2.10")).isTrue();
        assertThat(filter.allows("198.51.100.200")).isTrue();
        assertThat(filter.allows("2001:db8:ffff::1")).isTrue();
        assertThat(filter.allows("203.0.113.1")).isFalse();
    }

    @Test
    void aHostNameIsRefusedNamingTheEntry() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressFilter.parse("192.0.2.10, provider.example"))
                .withMessage("'provider.example' is not an IP address or CIDR block");
        assertThatIllegalArgumentException().isThrownBy(() -> AddressFilter.parse("localhost/8"))
                .withMessage("'localhost/8' is not an IP address or CIDR block");
    }

    @Test
    void aPrefixOutOfRangeIsRefused() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressFilter.parse("192.0.2.0/33"))
                .withMessage("'192.0.2.0/33' has a prefix length outside 0-32");
        assertThatIllegalArgumentException().isThrownBy(() -> AddressFilter.parse("2001:db8::/129"))
                .withMessage("'2001:db8::/129' has a prefix length outside 0-128");
        assertThatIllegalArgumentException().isThrownBy(() -> AddressFilter.parse("192.0.2.0/-1"))
                .withMessage("'192.0.2.0/-1' has a prefix length outside 0-32");
        assertThatIllegalArgumentException().isThrownBy(() -> AddressFilter.parse("192.0.2.0/"))
                .withMessage("'192.0.2.0/' has a prefix length outside 0-32");
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "   "})
    void blankAllowsEveryone(String list) {
        AddressFilter filter = AddressFilter.parse(list);

        assertThat(filter.allowsEveryone()).isTrue();
        assertThat(filter.allows("203.0.113.1")).isTrue();
        assertThat(filter.allows("2001:db8::1")).isTrue();
        assertThat(AddressFilter.allowAll().allows("203.0.113.1")).isTrue();
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "localhost", "provider.example", "192.0.2", "not an address"})
    void aCallerThatIsNotALiteralIsNotAllowed(String caller) {
        assertThat(AddressFilter.parse("0.0.0.0/0, ::/0").allows(caller)).isFalse();
    }

    @Test
    void anOctetAbove255IsNotAnAddressAndIsNeverLookedUp() {
        assertThatIllegalArgumentException().isThrownBy(() -> AddressFilter.parse("999.1.1.1"))
                .withMessage("'999.1.1.1' is not an IP address or CIDR block");
        assertThat(AddressFilter.parse("192.0.2.0/24").allows("256.0.2.1")).isFalse();
    }

    @Test
    void anIpv4MappedBlockCountsItsPrefixInIpv6Bits() {
        AddressFilter filter = AddressFilter.parse("::ffff:192.0.2.0/120");

        assertThat(filter.allows("192.0.2.200")).isTrue();
        assertThat(filter.allows("::ffff:192.0.2.7")).isTrue();
        assertThat(filter.allows("192.0.3.1")).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> AddressFilter.parse("::ffff:192.0.2.0/95"))
                .withMessage("'::ffff:192.0.2.0/95' has a prefix length outside 96-128");
    }
}
