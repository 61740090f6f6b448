package lt.smssafe.sms.dialect;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import lt.smssafe.signing.RejectedRequestException;

/**
 * Which caller addresses may call the gateway endpoints ({@code /result}, {@code /fortumo} and {@code /paysera}
 * share it): the {@code notify.allow} key, a comma-separated list of IPv4 and IPv6 addresses and CIDR blocks. An
 * empty list allows everyone.
 */
public final class AddressFilter {
    private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");
    private static final Pattern IPV6 = Pattern.compile("[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*");

    private final List<Block> blocks;

    private AddressFilter(List<Block> blocks) {
        this.blocks = List.copyOf(blocks);
    }

    /**
     * Parses the list; blank allows everyone.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or block
     */
    public static AddressFilter parse(String list) {
        List<Block> blocks = new ArrayList<>();
        if (list != null && !list.isBlank()) {
            for (String entry : list.split(",")) {
                blocks.add(Block.parse(entry.strip()));
            }
        }
        return new AddressFilter(blocks);
    }

    /** Allows every caller. */
    public static AddressFilter allowAll() {
        return new AddressFilter(List.of());
    }

    /** Whether a caller with this textual address ({@code ServletRequest#getRemoteAddr()}) may call. */
    public boolean allows(String remoteAddress) {
        if (blocks.isEmpty()) {
            return true;
        }
        InetAddress caller = literal(remoteAddress);
        return caller != null && blocks.stream().anyMatch(block -> block.contains(caller));
    }

    /**
     * Every dialect's first check: the caller is refused ({@code 403}) before anything it sent is read.
     *
     * @throws RejectedRequestException when {@code notify.allow} does not list the caller
     */
    public void check(String remoteAddress) throws RejectedRequestException {
        if (!allows(remoteAddress)) {
            throw RejectedRequestException.forbidden();
        }
    }

    /** Whether everyone is allowed. */
    public boolean allowsEveryone() {
        return blocks.isEmpty();
    }

    /**
     * The address of an IP literal ({@code 192.0.2.1}, {@code 2001:db8::1}, {@code [2001:db8::1]}), never asking DNS;
     * empty for anything else.
     */
    public static Optional<InetAddress> ipLiteral(String text) {
        return Optional.ofNullable(literal(text));
    }

    /**
     * The address of an IP literal, or null. Only literals are accepted, so that parsing never asks DNS: a host
     * name in the list would make the filter depend on whoever answers for that name.
     */
    private static InetAddress literal(String text) {
        if (text == null) {
            return null;
        }
        String bare = text.startsWith("[") && text.endsWith("]") ? text.substring(1, text.length() - 1) : text;
        boolean ipv4 = IPV4.matcher(bare).matches();
        if (ipv4 ? !octetsInRange(bare) : !IPV6.matcher(bare).matches()) {
            return null;
        }
        try {
            return InetAddress.getByName(bare);
        } catch (UnknownHostException e) {
            return null;
        }
    }

    /** Every octet at most 255: anything else is not a literal, and getByName would ask DNS about it. */
    private static boolean octetsInRange(String ipv4) {
        for (String octet : ipv4.split("\\.")) {
            if (Integer.parseInt(octet) > 255) {
                return false;
            }
        }
        return true;
    }

    /** One address block; a single address is a block of full length. */
    private record Block(byte[] network, int prefix) {
        static Block parse(String entry) {
            int slash = entry.indexOf('/');
            String address = slash < 0 ? entry : entry.substring(0, slash);
            InetAddress parsed = literal(address);
            if (parsed == null) {
                throw new IllegalArgumentException("'" + entry + "' is not an IP address or CIDR block");
            }
            int bits = parsed.getAddress().length * 8;
            // Java reads an IPv4-mapped IPv6 literal (::ffff:192.0.2.0) as IPv4; its prefix counts 96 bits more
            int mappedBits = bits == 32 && address.contains(":") ? 96 : 0;
            int prefix = bits;
            if (slash >= 0) {
                String length = entry.substring(slash + 1);
                if (!length.matches("\\d{1,3}") || Integer.parseInt(length) < mappedBits
                        || Integer.parseInt(length) > bits + mappedBits) {
                    throw new IllegalArgumentException("'" + entry + "' has a prefix length outside "
                            + mappedBits + "-" + (bits + mappedBits));
                }
                prefix = Integer.parseInt(length) - mappedBits;
            }
            return new Block(parsed.getAddress(), prefix);
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            int bits = bytes.length * 8;
            BigInteger mask = prefix == 0 ? BigInteger.ZERO
                    : BigInteger.ONE.shiftLeft(prefix).subtract(BigInteger.ONE).shiftLeft(bits - prefix);
            return new BigInteger(1, bytes).and(mask).equals(new BigInteger(1, network).and(mask));
        }
    }
}
