package lt.smssafe.sms.dialect.paysera;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import lt.smssafe.rates.OperatorCode;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.Answer;
import lt.smssafe.sms.GatewayEvent;
import lt.smssafe.sms.PaidMessage;
import lt.smssafe.sms.dialect.AddressFilter;
import lt.smssafe.sms.dialect.LiveDialect;
import lt.smssafe.sms.dialect.GatewayMessage;
import lt.smssafe.sms.dialect.Dialect.GatewayRequest;
import lt.smssafe.sms.dialect.Dialect.HttpAnswer;
import lt.smssafe.sms.dialect.Parameters;
import lt.smssafe.sms.dialect.Senders;
import lt.smssafe.sms.dialect.TestPolicy;
import lt.smssafe.sms.dialect.paysera.PayseraCodec.RsaSignature;

/**
 * Paysera SMS keywords at {@code /paysera} (docs/protocol.md §8.2). The request is {@code data} and its signatures; the
 * strongest one that can be checked decides ({@code ss3}, then {@code ss2} with the configured public key, then
 * {@code ss1} only where no public key is configured: with one, {@code ss1} alone is {@code 403 checksum failed});
 * a request without any carries {@code data} encrypted with the project password. The fields inside
 * {@code data} are read in the contract's order and named in a {@code 400}. The answer is {@code OK <reply>}.
 */
public final class PayseraDialect extends LiveDialect {
    /** The dialect's name, stored with its messages and sessions. */
    public static final String NAME = "paysera";

    private static final Pattern DATA = Pattern.compile("[A-Za-z0-9+/_=-]{1,8192}");
    private static final Pattern SS1 = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final Pattern RSA_SIGNATURE = Pattern.compile("[A-Za-z0-9+/_=-]{1,2048}");
    private static final Pattern TO = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final Pattern AMOUNT = Pattern.compile("\\d{1,10}");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern TEST = Pattern.compile("[01]");
    private static final Pattern PROJECT = Pattern.compile("\\d{1,18}");
    /** The keyword and the content after it: one SMS and a word. */
    private static final int MAX_SMS = 200;

    private final PayseraConfig config;

    public PayseraDialect(PayseraConfig config, AddressFilter allow) {
        super(allow);
        this.config = config;
    }

    @Override
    public String name() {
        return NAME;
    }

    /** After the caller ({@link LiveDialect}): {@code data} and its signatures, then the fields inside it. */
    @Override
    protected GatewayEvent readAllowed(GatewayRequest request, Parameters p) throws RejectedRequestException {
        String data = p.required("data", DATA);
        Optional<String> ss1 = p.optional("ss1", SS1);
        Optional<String> ss2 = p.optional("ss2", RSA_SIGNATURE);
        Optional<String> ss3 = p.optional("ss3", RSA_SIGNATURE);
        byte[] decoded = PayseraCodec.decode(data).orElseThrow(() -> RejectedRequestException.badRequest("data"));
        boolean signed = ss1.isPresent() || ss2.isPresent() || ss3.isPresent();
        String query;
        if (signed) {
            query = new String(decoded, StandardCharsets.UTF_8);
        } else {
            // the encrypted form: only the project password opens it, so opening it is its authenticity check
            query = PayseraCodec.decrypt(decoded, config.password())
                    .orElseThrow(RejectedRequestException::checksumFailed);
        }
        Parameters fields = Parameters.of(parseQuery(query));
        GatewayMessage message = message(fields);
        if (signed && !signatureHolds(data, ss1, ss2, ss3)) {
            throw RejectedRequestException.checksumFailed();
        }
        if (!String.valueOf(config.projectId()).equals(fields.required("projectid", PROJECT).replaceFirst("^0+(?=.)", ""))) {
            throw RejectedRequestException.unknown("service");
        }
        if (message.test() && config.test() == TestPolicy.REJECT) {
            throw RejectedRequestException.testRefused();
        }
        return message;
    }

    /** A 200 is {@code OK <reply>}, which Paysera sends on as the reply SMS; a refusal is its status and text. */
    @Override
    public HttpAnswer answer(Answer answer) {
        return new HttpAnswer(answer.status(), answer.status() == 200 ? "OK " + answer.body() : answer.body());
    }

    /** The fields in the contract's order; {@code projectid} is checked after the signature. */
    private static GatewayMessage message(Parameters fields) throws RejectedRequestException {
        String to = fields.required("to", TO);
        String sms = fields.optionalText("sms", MAX_SMS).orElseThrow(() -> RejectedRequestException.badRequest("sms"));
        String from = fields.required("from", Senders.FORM);
        Optional<String> operator = fields.optionalText("operator", 128);
        String amount = fields.required("amount", AMOUNT);
        String currency = fields.required("currency", CURRENCY);
        String country = fields.required("country", COUNTRY);
        String id = fields.required("id", ID);
        boolean test = fields.optional("test", TEST).map("1"::equals).orElse(false);
        Optional<String> keyword = fields.optionalText("key", 64);
        fields.required("projectid", PROJECT);
        fields.optionalText("version", 32);
        String content = content(sms, keyword);
        if (content.codePointCount(0, content.length()) > PaidMessage.MAX_CONTENT_CODE_POINTS) {
            throw RejectedRequestException.badRequest("sms");
        }
        return new GatewayMessage(NAME, id, Senders.normalise(from), country.toLowerCase(Locale.ROOT),
                OperatorCode.of(operator.orElse(null)), to, content, new BigDecimal(amount).movePointLeft(2),
                currency.toUpperCase(Locale.ROOT), test);
    }

    /**
     * {@code sms} without its leading keyword (the {@code key} field, else the first word) and the spaces after it;
     * the keyword counts only as a whole word ({@code SAF} is not the start of {@code SAFE}).
     */
    static String content(String sms, Optional<String> keyword) {
        String text = sms.stripLeading();
        String key = keyword.filter(k -> !k.isBlank()).orElseGet(() -> text.split("\\s+", 2)[0]);
        boolean wholeWord = text.length() == key.length()
                || text.length() > key.length() && Character.isWhitespace(text.charAt(key.length()));
        if (wholeWord && text.regionMatches(true, 0, key, 0, key.length())) {
            return text.substring(key.length()).strip();
        }
        return text.strip();
    }

    private boolean signatureHolds(String data, Optional<String> ss1, Optional<String> ss2, Optional<String> ss3) {
        if (config.publicKey().isPresent() && ss3.isPresent()) {
            return PayseraCodec.verify(RsaSignature.SS3, data, ss3.get(), config.publicKey().get());
        }
        if (config.publicKey().isPresent() && ss2.isPresent()) {
            return PayseraCodec.verify(RsaSignature.SS2, data, ss2.get(), config.publicKey().get());
        }
        if (config.publicKey().isPresent()) {
            // the site can check Paysera's own signature, so the project password (leaked or weak) is not enough:
            // ss1 alone is refused, as Paysera's library does when it can check RSA (docs/protocol.md §8.2)
            return false;
        }
        // an RSA signature without the key to check it is no signature; ss1 then decides, if it is there
        return ss1.isPresent() && PayseraCodec.verifySs1(data, config.password(), ss1.get());
    }

    /** A form-encoded query as PHP's {@code parse_str} reads it, every value once (a repeat is kept to be refused). */
    private static Map<String, String[]> parseQuery(String query) throws RejectedRequestException {
        Map<String, String[]> fields = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name;
            String value;
            try {
                name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            } catch (IllegalArgumentException e) {
                throw RejectedRequestException.badRequest("data");
            }
            fields.merge(name, new String[] {value}, (a, b) -> {
                String[] both = java.util.Arrays.copyOf(a, a.length + 1);
                both[a.length] = b[0];
                return both;
            });
        }
        return fields;
    }
}
