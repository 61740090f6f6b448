package lt.smssafe.mbs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import lt.smssafe.mbs.wire.Bill;
import lt.smssafe.mbs.wire.BillBody;
import lt.smssafe.mbs.wire.BillByMsisdn;
import lt.smssafe.mbs.wire.WireOption;
import lt.smssafe.mbs.wire.WireTransaction;

/**
 * Between the domain types and the wire's: Java names, enums and maps here, the WSDL's strings and
 * {@code {name, value}} lists there. The test platform has its own, so a mistake here cannot hide behind the same
 * mistake on the other side.
 */
final class WireMapping {
    private WireMapping() {
    }

    /** The {@code bill} request for this account. */
    static Bill bill(String accountId, BillRequest request, ReportUrlTemplate reportUrl) {
        Bill bill = body(new Bill(), request, reportUrl);
        bill.accountId = accountId;
        return bill;
    }

    /** The {@code billByMSISDN} request for this phone number at this operator. */
    static BillByMsisdn billByMsisdn(String accountMsisdn, String operator, BillRequest request,
            ReportUrlTemplate reportUrl) {
        BillByMsisdn bill = body(new BillByMsisdn(), request, reportUrl);
        bill.accountMsisdn = accountMsisdn;
        bill.operator = operator;
        return bill;
    }

    /** What both kinds of bill carry after the account. */
    private static <B extends BillBody> B body(B bill, BillRequest request, ReportUrlTemplate reportUrl) {
        bill.ident = request.ident();
        bill.mtType = request.mtType().wireName();
        bill.mtText = request.mtText();
        bill.mtUrl = request.mtUrl();
        bill.price = request.priceCents();
        bill.currency = request.currency();
        bill.language = request.language();
        bill.options = options(request.options());
        bill.urlDelivery = reportUrl == null ? null : reportUrl.template();
        return bill;
    }

    /**
     * The domain transaction.
     *
     * @throws IllegalArgumentException for a value the WSDL does not allow, naming it
     */
    static Transaction transaction(WireTransaction wire) {
        if (wire == null) {
            throw new IllegalArgumentException("the answer carries no transaction");
        }
        return new Transaction(wire.transactionId, wire.serviceId, wire.ident, wire.operator, wire.accountId,
                wire.accountMsisdn, wire.accountIdent, AccountType.fromWire(wire.accountType), wire.price,
                wire.tariff, wire.currency, MtType.fromWire(wire.mtType), wire.mtText, wire.mtUrl,
                TransactionStatus.fromWire(wire.status), wire.state, wire.stateDescription, options(wire.options));
    }

    /** The wire's list, in the map's order; none at all for no options. */
    static List<WireOption> options(Map<String, String> options) {
        if (options.isEmpty()) {
            return null;
        }
        List<WireOption> list = new ArrayList<>();
        options.forEach((name, value) -> list.add(new WireOption(name, value)));
        return list;
    }

    /**
     * The map, in the list's order.
     *
     * @throws IllegalArgumentException when a name is missing or given twice
     */
    static Map<String, String> options(List<WireOption> options) {
        Map<String, String> map = new LinkedHashMap<>();
        if (options != null) {
            for (WireOption option : options) {
                if (option == null || option.name == null || option.value == null) {
                    throw new IllegalArgumentException("an option without a name or value");
                }
                if (map.putIfAbsent(option.name, option.value) != null) {
                    throw new IllegalArgumentException("option '" + option.name + "' given twice");
                }
            }
        }
        return map;
    }
}
