package lt.smssafe.mbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A bill request is checked before anything goes over the wire. */
class BillRequestTest {
    @Test
    void optionsKeepTheirOrderAndCannotBeChangedAfterwards() {
        BillRequest request = BillRequest.sms("order-1", "text", 100, "EUR").withOption("b", "2").withOption("a", "1");

        assertThat(request.options()).containsExactly(Map.entry("b", "2"), Map.entry("a", "1"));
        assertThatThrownBy(() -> request.options().put("c", "3")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void theCallersMapIsCopied() {
        Map<String, String> options = new HashMap<>(Map.of("a", "1"));
        BillRequest request = BillRequest.sms("order-1", "text", 100, "EUR").withOptions(options);
        options.put("b", "2");

        assertThat(request.options()).containsOnlyKeys("a");
    }

    @Test
    void invalidValuesAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> BillRequest.sms("", "text", 100, "EUR"))
                .hasMessage("ident must be 1-64 characters, not ''");
        assertThatThrownBy(() -> BillRequest.sms("order-1", " ", 100, "EUR")).hasMessage("an SMS needs its text");
        assertThatThrownBy(() -> BillRequest.wapPush("order-1", "title", null, 100, "EUR"))
                .hasMessage("a WAP push needs its URL");
        assertThatThrownBy(() -> BillRequest.wapPush("order-1", "title", "ftp://x.lt/", 100, "EUR"))
                .hasMessage("mt url must be an absolute http or https URL, not 'ftp://x.lt/'");
        assertThatThrownBy(() -> BillRequest.sms("order-1", "text", 0, "EUR"))
                .hasMessage("price must be positive, not 0 cents");
        assertThatThrownBy(() -> BillRequest.sms("order-1", "text", 100, "eur"))
                .hasMessage("currency must be ISO 4217 like EUR, not 'eur'");
        assertThatThrownBy(() -> BillRequest.sms("order-1", "text", 100, "EUR").withLanguage("LT"))
                .hasMessage("language must be ISO 639-1 like lt, not 'LT'");
        assertThatThrownBy(() -> BillRequest.sms("order-1", "text", 100, "EUR").withOption("", "x"))
                .hasMessage("option name must be 1-64 characters, not ''");
    }
}
