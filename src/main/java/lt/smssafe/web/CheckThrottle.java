package lt.smssafe.web;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLongArray;
import lt.smssafe.sms.dialect.AddressFilter;

/**
 * The {@code /check} throttle (docs/protocol.md §6): a session code is a bearer secret, so one address that has looked up
 * more than {@code check.limit} unknown codes within a minute is refused every lookup — of any code, known or not —
 * until that minute has passed. An IPv6 caller counts by its /64, which one host commonly holds whole.
 *
 * <p><b>Bounded, and no way to reset one's own count.</b> The counts live in a fixed array of {@value #SLOTS}
 * counters (512 KiB), indexed by a hash of the address keyed with a secret drawn at start-up: a flood of a million
 * addresses fills no memory, and nobody can choose addresses that land on a given counter. Each address counts in
 * two counters and is refused only when both are over the limit (a count-min sketch): an innocent address that shares
 * one counter with a guesser is still served. Nothing is ever evicted, so a guesser cannot flood other addresses to
 * push its own count out (as it could in a capped map); sharing a counter only ever adds to its count. The price of
 * sharing is the other way round: a flood from very many addresses in one minute (tens of thousands, each over the
 * limit) fills the counters and refuses everyone until that minute is over — it fails closed, never open.
 *
 * <p><b>The minute</b> of a counter starts at the first unknown code it counts and lasts {@link #WINDOW}; a lookup
 * after it starts a new one. Lookups refused meanwhile are not counted (they looked nothing up), so a refused address
 * is served again one minute after its minute began. Counts are per node: see docs/nodes.md.
 */
final class CheckThrottle {
    /** How long a counter's minute lasts. */
    static final Duration WINDOW = Duration.ofMinutes(1);
    /** Counters in the array: a power of two, 8 bytes each. */
    static final int SLOTS = 1 << 16;

    /**
     * A counter packs its minute's start (milliseconds since 1970: 44 bits last until the year 2527) above its count
     * (20 bits: more than the largest {@code check.limit}, 1,000,000; it stops growing there).
     */
    private static final int COUNT_BITS = 20;
    private static final long MAX_COUNT = (1L << COUNT_BITS) - 1;

    private final AtomicLongArray counters;
    private final int limit;
    private final Clock clock;
    /** SHA-256 with the secret key already absorbed; each address hashes a clone of it. */
    private final MessageDigest keyed;

    /** A throttle with {@value #SLOTS} counters and a secret key of its own. */
    CheckThrottle(int limit, Clock clock) {
        this(limit, clock, SLOTS, secretKey());
    }

    /** With a given number of counters (a power of two) and key, so that tests are repeatable. */
    CheckThrottle(int limit, Clock clock, int slots, byte[] key) {
        if (limit < 0 || slots < 2 || Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("limit " + limit + " must be >= 0, slots " + slots
                    + " a power of two");
        }
        this.counters = new AtomicLongArray(slots);
        this.limit = limit;
        this.clock = clock;
        try {
            this.keyed = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        keyed.update(key);
    }

    /**
     * Whether this caller must wait before its next lookup.
     *
     * @param address the caller's address, {@code ServletRequest#getRemoteAddr()}
     * @return the whole seconds left of the minute that refuses it, at least 1; empty when it may look up
     */
    OptionalLong refusal(String address) {
        int[] slots = slots(address);
        long now = clock.millis();
        long first = secondsLeft(counters.get(slots[0]), now);
        long second = secondsLeft(counters.get(slots[1]), now);
        // refused while both of its counters are over the limit: free again when the first of them ends its minute
        return first > 0 && second > 0 ? OptionalLong.of(Math.min(first, second)) : OptionalLong.empty();
    }

    /**
     * Counts a lookup of a code no session has.
     *
     * @return as {@link #refusal}, after counting: the lookup that takes the count over the limit is refused itself
     */
    OptionalLong unknownCode(String address) {
        int[] slots = slots(address);
        long now = clock.millis();
        for (int slot : slots) {
            counters.getAndUpdate(slot, counter -> {
                long start = counter >>> COUNT_BITS;
                long count = counter & MAX_COUNT;
                return counter == 0 || now - start >= WINDOW.toMillis() ? now << COUNT_BITS | 1
                        : start << COUNT_BITS | Math.min(count + 1, MAX_COUNT);
            });
        }
        return refusal(address);
    }

    /** Seconds left of the counter's minute if its count is over the limit, else 0. */
    private long secondsLeft(long counter, long now) {
        long left = (counter >>> COUNT_BITS) + WINDOW.toMillis() - now;
        if (counter == 0 || left <= 0 || (counter & MAX_COUNT) <= limit) {
            return 0;
        }
        return Math.max(1, (left + 999) / 1000);
    }

    /** The address's two counters, different ones. */
    private int[] slots(String address) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) keyed.clone();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("the JDK's SHA-256 can be cloned", e);
        }
        ByteBuffer hash = ByteBuffer.wrap(digest.digest(identity(address)));
        int mask = counters.length() - 1;
        int first = hash.getInt() & mask;
        int second = hash.getInt() & mask;
        return new int[] {first, second == first ? first ^ 1 : second};
    }

    /**
     * What counts as one caller: an IPv6 address's first 64 bits (its network: one host commonly holds a whole
     * /64 and picks any address in it), an IPv4 address whole, anything else (a container's odd remote address) as
     * its text. A first byte keeps the three kinds apart.
     */
    static byte[] identity(String address) {
        InetAddress literal = AddressFilter.ipLiteral(address).orElse(null);
        if (literal != null) {
            int kept = literal instanceof Inet6Address ? 8 : 4;
            byte[] identity = new byte[1 + kept];
            identity[0] = (byte) (kept == 8 ? 6 : 4);
            System.arraycopy(literal.getAddress(), 0, identity, 1, kept);
            return identity;
        }
        byte[] text = String.valueOf(address).getBytes(StandardCharsets.UTF_8);
        byte[] other = new byte[text.length + 1];
        System.arraycopy(text, 0, other, 1, text.length);
        return other;
    }

    private static byte[] secretKey() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        return key;
    }
}
