package lt.smssafe.mbs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every placeholder form of docs/protocol.md §7, percent-escapes, encoding, and the refusals. */
class ReportUrlTemplateTest {
    private static Transaction transaction(long id, long service) {
        Map<String, String> options = new LinkedHashMap<>();
        options.put("x", "ą b&c");
        options.put("plan", "gold");
        return new Transaction(id, service, "order-1", "tele2_lt", "acc 7/ą", "37060000001", null,
                AccountType.PREPAID, 250, 250, "EUR", MtType.SMS, "text", null, TransactionStatus.COMMIT, "ok", null,
                options);
    }

    private static String expand(String template) {
        return ReportUrlTemplate.parse(template).expand(transaction(2456, 1), "Tele2 Lietuvą");
    }

    @Test
    void theProtocolsExampleExpands() {
        assertThat(ReportUrlTemplate.parse("http://example.lt?trans=%t&s=%s&service=%{service_id}%&a=te")
                .expand(transaction(2456, 1)))
                .isEqualTo("http://example.lt?trans=2456&s=1&service=1&a=te");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "%t | 2456", "%{transaction_id}% | 2456", "%{transaction_id} | 2456",
        "%s | 1", "%{service_id}% | 1", "%{service_id} | 1",
        "%p | 250", "%{transaction_price}% | 250", "%{transaction_price} | 250",
        "%cur | EUR", "%{transaction_currency}% | EUR", "%{transaction_currency} | EUR",
        "%o | tele2_lt", "%{operator_id}% | tele2_lt", "%{operator_id} | tele2_lt",
        "%a | acc%207%2F%C4%85", "%{account_id}% | acc%207%2F%C4%85", "%{account_id} | acc%207%2F%C4%85",
        "%n | Tele2%20Lietuv%C4%85", "%{operator_name}% | Tele2%20Lietuv%C4%85",
        "%{operator_name} | Tele2%20Lietuv%C4%85",
        "%{my_x}% | %C4%85%20b%26c", "%{my_x} | %C4%85%20b%26c", "%{my_plan}% | gold",
        "%{my_missing}% | ''",
    })
    void eachPlaceholderInEachFormIsReplacedByItsEncodedValue(String placeholder, String value) {
        assertThat(expand("https://site.lt/r?v=" + placeholder + "&end=1"))
                .isEqualTo("https://site.lt/r?v=" + value + "&end=1");
    }

    @Test
    void aShortFormIsFollowedByLiteralText() {
        assertThat(expand("https://site.lt/%t/%sx?p=%pcents")).isEqualTo("https://site.lt/2456/1x?p=250cents");
    }

    @Test
    void aPercentAfterABracedPlaceholderClosesIt() {
        assertThat(expand("https://site.lt/?a=%{transaction_id}%s")).isEqualTo("https://site.lt/?a=2456s");
        assertThat(expand("https://site.lt/?a=%{transaction_id}%%s")).isEqualTo("https://site.lt/?a=24561");
    }

    @Test
    void percentEscapesOfTheUrlItselfAreLeftAlone() {
        assertThat(expand("https://site.lt/pay%20ment?q=%C4%85%c5%a1&t=%t&c=%cur&a=%a1"))
                .isEqualTo("https://site.lt/pay%20ment?q=%C4%85%c5%a1&t=2456&c=EUR&a=%a1");
    }

    @Test
    void withoutAnOperatorNameTheOperatorsCodeStandsForIt() {
        assertThat(ReportUrlTemplate.parse("https://site.lt/?n=%n").expand(transaction(5, 1)))
                .isEqualTo("https://site.lt/?n=tele2_lt");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "https://site.lt/?c=%{colour}% | unknown placeholder '%{colour}%' in the report URL template",
        "https://site.lt/?c=%{colour} | unknown placeholder '%{colour}' in the report URL template",
        "https://site.lt/?c=%{my_}% | unknown placeholder '%{my_}%' in the report URL template",
        "https://site.lt/?c=%{}% | unknown placeholder '%{}%' in the report URL template",
        "https://site.lt/?c=%colour | unknown placeholder '%colour' in the report URL template",
        "https://site.lt/?c=%cu | unknown placeholder '%cu' in the report URL template",
        "https://site.lt/?c=%x&t=%t | unknown placeholder '%x' in the report URL template",
        "https://site.lt/?c=%&t=1 | unknown placeholder '%&' in the report URL template",
        "https://site.lt/?c=% | unknown placeholder '%' in the report URL template",
        "https://site.lt/?c=%{transaction_id | unterminated placeholder '%{transaction_id' in the report URL template",
    })
    void anUnknownPlaceholderIsRefusedByName(String template, String message) {
        assertThatThrownBy(() -> ReportUrlTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage(message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"ftp://site.lt/?t=%t", "/report?t=%t", "https://site.lt/a b?t=%t",
        "mailto:x@site.lt"})
    void aTemplateThatIsNoHttpUrlIsRefused(String template) {
        assertThatThrownBy(() -> ReportUrlTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the report URL template must be an absolute http or https URL, not '" + template + "'");
    }

    /** Found by ReportUrlTemplateFuzzTest: the sample values made a host, an operator code's {@code _} made none. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"https://shop.ex%{operator_id}%c/r", "https://%o.site.lt/?t=%t",
        "https://site.lt:%{my_port}%/r", "https://%a@site.lt/r", "http:%{my_x}%//site.lt/r", "%{my_s}%https://site.lt/",
        "https://site.lt%t"})
    void aPlaceholderBeforeTheEndOfTheHostIsRefused(String template) {
        assertThatThrownBy(() -> ReportUrlTemplate.parse(template)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the report URL template must write out its scheme and host, with placeholders only in "
                        + "the path, query or fragment");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"https://site.lt/%t", "https://site.lt?t=%t", "https://site.lt#%t",
        "https://u@site.lt:8443/a%20b/%t", "https://site.lt"})
    void placeholdersInThePathQueryOrFragmentAreAccepted(String template) {
        assertThat(ReportUrlTemplate.parse(template).template()).isEqualTo(template);
    }

    @Test
    void theTemplateIsKeptAsWritten() {
        assertThat(ReportUrlTemplate.parse("https://site.lt/?t=%{transaction_id}").template())
                .isEqualTo("https://site.lt/?t=%{transaction_id}");
    }
}
