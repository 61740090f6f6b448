package lt.smssafe.sms;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.ResourceBundle;
import lt.smssafe.i18n.Language;
import lt.smssafe.i18n.TimeLeft;

/**
 * The reply SMS texts of docs/protocol.md §3 in English, Lithuanian and Russian, from the bundles
 * {@code lt/smssafe/sms/replies_<language>.properties}. Each language has its own complete bundle and none
 * falls back to another (or to the JVM's default locale), so a reply never comes out half in another language.
 */
public final class Replies {
    private static final Map<Language, ResourceBundle> BUNDLES = new EnumMap<>(Language.class);

    static {
        ResourceBundle.Control noFallback = ResourceBundle.Control.getNoFallbackControl(
                ResourceBundle.Control.FORMAT_PROPERTIES);
        for (Language language : Language.values()) {
            BUNDLES.put(language, ResourceBundle.getBundle("lt.smssafe.sms.replies", language.locale(),
                    Replies.class.getClassLoader(), noFallback));
        }
    }

    private Replies() {
    }

    /**
     * The reply for this kind, with {@code {session}} and {@code {left}} filled in.
     *
     * @param code the session's code; null only for {@link ReplyKind#UNIDENTIFIED}, which has no session
     */
    public static String text(Language language, ReplyKind kind, SessionCode code, Duration left) {
        return BUNDLES.get(language).getString(kind.name())
                .replace("{session}", code == null ? "" : code.value())
                .replace("{left}", TimeLeft.format(left, language));
    }
}
