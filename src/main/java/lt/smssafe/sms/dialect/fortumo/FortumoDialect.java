package lt.smssafe.sms.dialect.fortumo;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import lt.smssafe.rates.OperatorCode;
import lt.smssafe.signing.RejectedRequestException;
import lt.smssafe.sms.Answer;
import lt.smssafe.sms.DeliveryReport;
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

/**
 * Fortumo premium SMS at {@code /fortumo} (docs/protocol.md §8.1). {@code status=pending} is the paid message; a later
 * {@code status=ok} or {@code status=failed} for the same {@code message_id} is its billing report. The checks run
 * in §8's order: the caller ({@link LiveDialect}), every parameter's form (which ones are required depends on the
 * status), the signature, the service, test messages. The reply SMS is the plain-text body of the 200.
 *
 * <p>The form checks come in the contract's table order, each value but {@code message} without {@code =}; then the
 * names we do not read, in sorted order ({@link SignedPairs}, which also says why a signed request then has one
 * reading); then the signature.
 */
public final class FortumoDialect extends LiveDialect {
    /** The dialect's name, stored with its messages and sessions. */
    public static final String NAME = "fortumo";

    /** {@link Senders#FORM} without {@code =}: §8.1 refuses it here, padding or not (see {@link SignedPairs}). */
    private static final Pattern SENDER = Pattern.compile("[A-Za-z0-9+#_.:-]{1,64}|\\s*");
    private static final Pattern COUNTRY = Pattern.compile("[A-Za-z]{2}");
    private static final Pattern PRICE = Pattern.compile("\\d{1,8}(\\.\\d{1,2})?");
    private static final Pattern PRICE_WO_VAT = Pattern.compile("\\d{1,8}(\\.\\d{1,4})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Za-z]{3}");
    private static final Pattern SERVICE_ID = Pattern.compile("[A-Za-z0-9]{1,64}");
    private static final Pattern MESSAGE_ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final Pattern SHORTCODE = Pattern.compile("[A-Za-z0-9]{1,10}");
    private static final Pattern BILLING_TYPE = Pattern.compile("(?i)MO|MT");
    private static final Pattern STATUS = Pattern.compile("(?i)pending|ok|failed");
    private static final Pattern TEST = Pattern.compile("(?i)true|false");
    private static final Pattern SIG = Pattern.compile("[0-9A-Fa-f]{32}");
    private static final int MAX_KEYWORD = 64;
    private static final int MAX_OPERATOR = 128;

    private final FortumoSigner signer;
    private final FortumoConfig config;

    public FortumoDialect(FortumoConfig config, AddressFilter allow) {
        super(allow);
        this.config = config;
        this.signer = new FortumoSigner(config.secret());
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    protected GatewayEvent readAllowed(GatewayRequest request, Parameters p) throws RejectedRequestException {
        // which parameters a request must carry depends on its status; an unreadable status counts as a message,
        // so that the first missing parameter is named in the table's order, status among them
        boolean message = statusLeniently(request).map("pending"::equals).orElse(true);
        Optional<String> text = message ? Optional.of(requiredText(p, "message", PaidMessage.MAX_CONTENT_CODE_POINTS))
                : p.optionalText("message", PaidMessage.MAX_CONTENT_CODE_POINTS);
        Optional<String> sender = read(p, "sender", SENDER, message);
        Optional<String> country = read(p, "country", COUNTRY, message);
        Optional<String> price = read(p, "price", PRICE, message);
        p.optional("price_wo_vat", PRICE_WO_VAT);
        Optional<String> currency = read(p, "currency", CURRENCY, message);
        Optional<String> serviceId = read(p, "service_id", SERVICE_ID, config.serviceId().isPresent());
        String messageId = p.required("message_id", MESSAGE_ID);
        textWithoutEquals(p, "keyword", MAX_KEYWORD);
        Optional<String> shortcode = read(p, "shortcode", SHORTCODE, message);
        Optional<String> operator = textWithoutEquals(p, "operator", MAX_OPERATOR);
        p.optional("billing_type", BILLING_TYPE);
        String status = p.required("status", STATUS).toLowerCase(Locale.ROOT);
        boolean test = p.optional("test", TEST).map("true"::equalsIgnoreCase).orElse(false);
        p.required("sig", SIG);
        SignedPairs.checkUnknownNames(request.parameters());
        if (!signer.verify(p.singleValues())) {
            throw RejectedRequestException.checksumFailed();
        }
        if (config.serviceId().isPresent() && !config.serviceId().equals(serviceId)) {
            throw RejectedRequestException.unknown("service");
        }
        if (test && config.test() == TestPolicy.REJECT) {
            throw RejectedRequestException.testRefused();
        }
        Optional<String> senderId = sender.map(Senders::normalise);
        Optional<String> countryCode = country.map(c -> c.toLowerCase(Locale.ROOT));
        Optional<String> currencyCode = currency.map(c -> c.toUpperCase(Locale.ROOT));
        Optional<BigDecimal> cost = price.map(BigDecimal::new);
        if (status.equals("pending")) {
            return new GatewayMessage(NAME, messageId, senderId.orElseThrow(), countryCode.orElseThrow(),
                    OperatorCode.of(operator.orElse(null)), shortcode.orElseThrow(), text.orElseThrow(),
                    cost.orElseThrow(), currencyCode.orElseThrow(), test);
        }
        return new DeliveryReport(NAME, messageId, status.equals("ok"), senderId, countryCode,
                operator.map(OperatorCode::of), shortcode, text, cost, currencyCode);
    }

    @Override
    public HttpAnswer answer(Answer answer) {
        return new HttpAnswer(answer.status(), answer.body());
    }

    private static Optional<String> read(Parameters p, String name, Pattern form, boolean required)
            throws RejectedRequestException {
        return required ? Optional.of(p.required(name, form)) : p.optional(name, form);
    }

    private static String requiredText(Parameters p, String name, int max) throws RejectedRequestException {
        return p.optionalText(name, max).orElseThrow(() -> RejectedRequestException.badRequest(name));
    }

    private static Optional<String> textWithoutEquals(Parameters p, String name, int max)
            throws RejectedRequestException {
        Optional<String> text = p.optionalText(name, max);
        if (text.isPresent() && text.get().indexOf('=') >= 0) {
            throw RejectedRequestException.badRequest(name);
        }
        return text;
    }

    private static Optional<String> statusLeniently(GatewayRequest request) {
        String[] values = request.parameters().get("status");
        return values == null || values.length != 1 || values[0] == null ? Optional.empty()
                : Optional.of(values[0].toLowerCase(Locale.ROOT));
    }
}
