package lt.smssafe.web;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import lt.smssafe.logging.LogText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says in the log which caller {@code notify.allow} refused, at most once a minute per address, so that a site owner
 * who forgot a gateway's address sees why its payments do not arrive, and a stranger's flood fills no disk.
 */
final class RefusedCallers {
    private static final Logger LOG = LoggerFactory.getLogger(RefusedCallers.class);
    private static final Duration QUIET = Duration.ofMinutes(1);
    /** More remembered addresses than this are forgotten at once: a flood from many addresses stays bounded. */
    private static final int REMEMBERED = 10_000;

    private final Map<String, Instant> lastLogged = new ConcurrentHashMap<>();
    private final Clock clock;

    RefusedCallers(Clock clock) {
        this.clock = clock;
    }

    /** A call from {@code address} to {@code endpoint} was refused. */
    void refused(String endpoint, String address) {
        Instant now = clock.instant();
        Instant before = lastLogged.get(address);
        if (before != null && before.plus(QUIET).isAfter(now)) {
            return;
        }
        if (lastLogged.size() >= REMEMBERED) {
            lastLogged.clear();
        }
        lastLogged.put(address, now);
        LOG.warn("sms:safe {} refused a call from {}: not in notify.allow (said at most once a minute per address)",
                endpoint, LogText.of(address));
    }
}
