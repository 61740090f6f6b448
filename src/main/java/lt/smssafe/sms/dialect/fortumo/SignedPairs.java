package lt.smssafe.sms.dialect.fortumo;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import lt.smssafe.signing.RejectedRequestException;

/**
 * The rules on the names we do not read that leave a signed Fortumo request one reading (docs/protocol.md §8.1).
 *
 * <p>Fortumo signs its pairs sorted by name and written {@code name=value} with no separator, so the signed string
 * does not say where a value ends and the next name begins, and {@code message}, the buyer's text, may hold
 * {@code =} and whole pairs. The contract's rule ({@code =} in no name, and in no value but {@code message}; the
 * dialect checks the values it reads) is not enough alone: {@code message_id=REALoperator=Elisa} reads as well as
 * {@code message_id=REALo} and an unknown {@code perator=Elisa}; a text ending {@code message_id=FAKEoperator=Biteopz}
 * reads as a forged pair followed by an unknown {@code opzmessage_id=REAL}. Each is a new message id, counted
 * again. So a name we do not know is also refused
 * <ol>
 * <li>when it ends with a listed name or is the end of one ({@code perator}, {@code sage_id}, {@code id},
 * {@code opzmessage_id}, the empty name), and</li>
 * <li>when it comes directly after, in sorted order, {@code message}, {@code message_id}, {@code sender},
 * {@code operator}, {@code shortcode} or {@code service_id}: the values we act on whose forms let them gain or
 * lose characters at their end.</li>
 * </ol>
 * Fortumo sends no such name (its list, and others such as {@code revenue}), so no genuine request is refused.
 *
 * <p><b>Why one reading remains.</b> Take two readings A and B of one signed string, both accepted. Outside the
 * {@code message} value every {@code =} ends a name. (a) Where both read an {@code =} as the end of a name, and A's
 * name there is listed, B's is the same: both are ends of one text, so one ends the other, which rule 1 (and no
 * listed name ending another) allows only when they are equal. (b) {@code message} is at the same place: were B's
 * earlier, its {@code =} would lie before A's message, where A reads a name that by (a) is {@code message} too;
 * were it missing from B, B would read A's {@code =} as the end of a name, by (a) {@code message}. (c) So is
 * {@code message_id}: by rule 2 it directly follows {@code message} (nothing listed sorts between them), so each
 * message ends where its {@code message_id} begins; were B's later, A's {@code message_id=} would lie inside B's
 * message and B's outside A's, where by (a) A would read {@code message_id} a second time. So the message is the
 * same text and, outside it, both readings cut at the same {@code =} signs with every listed name at the same one.
 * (d) A value we act on ends where the next name begins. For the six names above that name is listed (rule 2), so
 * the same in both. {@code country} and {@code currency} have fixed lengths; no word of {@code status} or
 * {@code test} begins another; a {@code price} that gave or took its last characters would leave the next name
 * starting with a digit or {@code .}, sorting before {@code price}. So the message id, status, test flag and every
 * value we act on are fixed by the signed string; only names we do not read can be cut otherwise, and nothing is
 * made of them. This holds for billing reports too: a re-cut report is the same report (same message id, same
 * status, same values compared), so it can neither reverse nor confirm another message.
 */
final class SignedPairs {
    /** The parameters the contract lists, all signed ({@code sig} is not). No one of them ends another. */
    static final Set<String> LISTED = Set.of("message", "sender", "country", "price", "price_wo_vat", "currency",
            "service_id", "message_id", "keyword", "shortcode", "operator", "billing_type", "status", "test");
    /** The values we act on whose forms let them gain or lose characters at their end. */
    private static final Set<String> FOLLOWED_BY_LISTED = Set.of("message", "message_id", "sender", "operator",
            "shortcode", "service_id");
    /** How much of a name we do not know a {@code 400} shows: the body is plain text, the name anything. */
    private static final int SHOWN_CODE_POINTS = 40;

    private SignedPairs() {
    }

    /**
     * Refuses the first name, in sorted order, that the dialect does not read and that is given more than once,
     * holds {@code =}, has a value holding {@code =}, or breaks rule 1 or 2; read the others first.
     *
     * @throws RejectedRequestException {@code 400 bad request: <name>}, the name as {@link #shown(String)}
     */
    static void checkUnknownNames(Map<String, String[]> parameters) throws RejectedRequestException {
        String previous = null;
        for (Map.Entry<String, String[]> parameter : new TreeMap<>(parameters).entrySet()) {
            String name = parameter.getKey();
            if (name.equals(FortumoSigner.SIG)) {
                continue;
            }
            if (!LISTED.contains(name) && (!single(parameter.getValue()) || name.indexOf('=') >= 0
                    || parameter.getValue()[0].indexOf('=') >= 0 || endsOrIsTheEndOfAListedName(name)
                    || previous != null && FOLLOWED_BY_LISTED.contains(previous))) {
                throw RejectedRequestException.badRequest(shown(name));
            }
            previous = name;
        }
    }

    /** A name as a {@code 400} shows it: printable ASCII, other characters as {@code ?}, cut after 40. */
    static String shown(String name) {
        StringBuilder shown = new StringBuilder();
        name.codePoints().limit(SHOWN_CODE_POINTS).map(c -> c > ' ' && c < 0x7f ? c : '?')
                .forEach(shown::appendCodePoint);
        return name.codePointCount(0, name.length()) > SHOWN_CODE_POINTS ? shown.append("...").toString()
                : shown.toString();
    }

    private static boolean single(String[] values) {
        return values != null && values.length == 1 && values[0] != null;
    }

    private static boolean endsOrIsTheEndOfAListedName(String name) {
        return LISTED.stream().anyMatch(listed -> name.endsWith(listed) || listed.endsWith(name));
    }
}
