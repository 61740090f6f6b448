package lt.smssafe.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InvalidConfigExceptionTest {

    @Test
    void missingNamesTheKey() {
        InvalidConfigException e = InvalidConfigException.missing("safe");

        assertThat(e).hasMessage("smssafe configuration: 'safe' is missing (required)");
        assertThat(e.key()).isEqualTo("safe");
    }

    @Test
    void invalidNamesTheKeyAndReason() {
        InvalidConfigException e = InvalidConfigException.invalid("passkey", "must be at least 8 characters");

        assertThat(e).hasMessage("smssafe configuration: 'passkey' is invalid: must be at least 8 characters");
        assertThat(e.key()).isEqualTo("passkey");
    }

    @Test
    void carriesNoStackTraceSoTheLogStaysOneLine() {
        assertThat(InvalidConfigException.missing("safe").getStackTrace()).isEmpty();
        assertThat(InvalidConfigException.missing("safe").getCause()).isNull();
    }
}
