package lt.smssafe.demo.sandbox;

import java.time.Instant;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import lt.smssafe.sms.SessionCode;

/**
 * One line of a test phone's message list.
 *
 * @param kind an SMS the phone sent, a reply SMS it received, or the sandbox's note on what happened in between
 * @param shortcode the short number the SMS went to or came from
 */
record PhoneMessage(Kind kind, Instant at, String shortcode, String text) {
    /** A session code as docs/protocol.md §3 draws them, found in a reply so the page can link to its status. */
    private static final Pattern SESSION_CODE = Pattern.compile("\\b[" + SessionCode.ALPHABET + "]{"
            + SessionCode.LENGTH + "}\\b");

    enum Kind { SENT, REPLY, NOTE }

    static PhoneMessage sent(Instant at, String shortcode, String text) {
        return new PhoneMessage(Kind.SENT, at, shortcode, text);
    }

    static PhoneMessage reply(Instant at, String shortcode, String text) {
        return new PhoneMessage(Kind.REPLY, at, shortcode, text);
    }

    static PhoneMessage note(Instant at, String shortcode, String text) {
        return new PhoneMessage(Kind.NOTE, at, shortcode, text);
    }

    /** The session a reply names, if it names one. */
    Optional<String> sessionCode() {
        if (kind != Kind.REPLY) {
            return Optional.empty();
        }
        Matcher matcher = SESSION_CODE.matcher(text);
        return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
    }
}
