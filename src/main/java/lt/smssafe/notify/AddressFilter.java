package lt.smssafe.notify;

/** Which caller addresses may call {@code /result}: the {@code notify.allow} key. TO BE IMPLEMENTED. */
public final class AddressFilter {
    /**
     * Parses a comma-separated list of IPv4/IPv6 addresses and CIDR blocks; blank allows everyone.
     *
     * @throws IllegalArgumentException naming the entry that is not an address or block
     */
    public static AddressFilter parse(String list) {
        throw new UnsupportedOperationException("not yet");
    }

    /** Allows every caller. */
    public static AddressFilter allowAll() {
        throw new UnsupportedOperationException("not yet");
    }

    /** Whether a caller with this textual address ({@code ServletRequest#getRemoteAddr()}) may call. */
    public boolean allows(String remoteAddress) {
        throw new UnsupportedOperationException("not yet");
    }
}
