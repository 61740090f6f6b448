package lt.smssafe.bench.baseline;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The checks of docs/protocol.md §2 in their order — the eleven parameters, the signature, the safe, the time — and then
 * the store. Answers the contract's texts.
 */
final class BaselineEndpoint {
    /** A reply: the HTTP status and the body, the reply SMS for a 200. */
    record Reply(int status, String body) {
    }

    private static final String[] NAMES = {"safe", "message_id", "msisdn", "country", "provider", "shortcode",
        "content", "cost_local", "currency", "time", "sign"};
    /** The forms of the parameters, in {@link #NAMES}' order; {@code content} (null here) is only limited in length. */
    private static final Pattern[] FORMS = {Pattern.compile("\\d{1,10}"), Pattern.compile("[A-Za-z0-9._:-]{1,64}"),
        Pattern.compile("\\d{5,20}"), Pattern.compile("[A-Za-z]{2}"), Pattern.compile("[a-z0-9_]{1,32}"),
        Pattern.compile("\\d{1,10}"), null, Pattern.compile("\\d{1,8}(\\.\\d{1,2})?"), Pattern.compile("[A-Za-z]{3}"),
        Pattern.compile("\\d{1,12}"), Pattern.compile("[0-9A-Fa-f]{1,128}")};
    private static final int CONTENT = 6;
    private static final int MAX_CONTENT = 160;
    private static final HexFormat HEX = HexFormat.of();

    private final BaselineStore store;
    private final long safe;
    private final long maxSkewMillis;
    /** One initialised MAC per request thread: the key is set once, not on every request. */
    private final ThreadLocal<Mac> mac;

    BaselineEndpoint(BaselineStore store, long safe, String passkey, Duration maxSkew) {
        this.store = store;
        this.safe = safe;
        this.maxSkewMillis = maxSkew.toMillis();
        SecretKeySpec key = new SecretKeySpec(passkey.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
        this.mac = ThreadLocal.withInitial(() -> {
            try {
                Mac m = Mac.getInstance("HmacSHA256");
                m.init(key);
                return m;
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("HmacSHA256 is unavailable", e);
            }
        });
    }

    Reply answer(Map<String, String[]> parameters, long nowMillis) {
        String[] values = new String[NAMES.length];
        for (int i = 0; i < NAMES.length; i++) {
            String[] given = parameters.get(NAMES[i]);
            if (given == null || given.length != 1 || given[0] == null || !wellFormed(i, given[0])) {
                return new Reply(400, "bad request: " + NAMES[i]);
            }
            values[i] = given[0];
        }
        String canonical = String.join("::", java.util.Arrays.asList(values).subList(0, 10));
        byte[] expected = HEX.formatHex(mac.get().doFinal(canonical.getBytes(StandardCharsets.UTF_8)))
                .getBytes(StandardCharsets.UTF_8);
        if (!MessageDigest.isEqual(expected, values[10].toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8))) {
            return new Reply(403, "checksum failed");
        }
        if (Long.parseLong(values[0]) != safe) {
            return new Reply(404, "unknown safe");
        }
        if (Math.abs(nowMillis - Long.parseLong(values[9]) * 1000) > maxSkewMillis) {
            return new Reply(403, "stale request");
        }
        BaselineStore.Message message = new BaselineStore.Message(values[1], values[2],
                values[3].toLowerCase(Locale.ROOT), values[4], values[5], values[6], new BigDecimal(values[7]),
                values[8].toUpperCase(Locale.ROOT), Long.parseLong(values[9]));
        try {
            return store.process(message);
        } catch (SQLException e) {
            return new Reply(503, "try again later");
        }
    }

    private static boolean wellFormed(int index, String value) {
        if (index == CONTENT) {
            return value.codePointCount(0, value.length()) <= MAX_CONTENT;
        }
        return FORMS[index].matcher(value).matches();
    }
}
