package lt.smssafe.api;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.ServletContext;
import java.lang.reflect.Proxy;
import org.junit.jupiter.api.Test;

/** The one failure of {@link SmsSafePayments} that needs no running web application; the rest is SmsSafePaymentsIT. */
class SmsSafePaymentsTest {
    @Test
    void aContextWhereSmsSafeDidNotStartIsRefusedWithAClearMessage() {
        // a context with no attributes at all: sms:safe never started there (or failed to)
        ServletContext empty = (ServletContext) Proxy.newProxyInstance(getClass().getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> null);

        assertThatThrownBy(() -> SmsSafePayments.of(empty)).isInstanceOf(IllegalStateException.class)
                .hasMessage("sms:safe is not running in this web application");
    }
}
