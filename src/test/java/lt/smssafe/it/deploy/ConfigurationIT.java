package lt.smssafe.it.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import lt.smssafe.it.TestWar;
import lt.smssafe.it.TomcatLog;
import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A site owner's configuration mistake in a real Tomcat: the deployment does not start, and the log says which key
 * is wrong in one line, without revealing the passkey.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ConfigurationIT {
    private static final String MISSING_PASSKEY = "config-missing-it";
    private static final String BAD_DELAY = "config-delay-it";
    private static final String NO_DATABASE = "config-nodb-it";

    @ArquillianResource
    private Deployer deployer;

    @Deployment(name = MISSING_PASSKEY, managed = false, testable = false)
    static WebArchive withoutPasskey() {
        return TestWar.named(MISSING_PASSKEY).with("safe", "7171").build();
    }

    @Deployment(name = BAD_DELAY, managed = false, testable = false)
    static WebArchive withAnInvalidDelay() {
        return TestWar.named(BAD_DELAY).with("safe", "7171").with("passkey", "secret-never-logged")
                .with("delay", "tomorrow").build();
    }

    @Deployment(name = NO_DATABASE, managed = false, testable = false)
    static WebArchive withADatabaseNobodyAnswers() {
        return TestWar.named(NO_DATABASE).with("safe", "7171").with("passkey", "secret-never-logged")
                .withMariaDbAt("jdbc:mariadb://127.0.0.1:1/smssafe?connectTimeout=1000").build();
    }

    @Test
    void aDatabaseThatCannotBeReachedStopsTheDeploymentWithOneLineNamingTheCause() {
        assertThatThrownBy(() -> deployer.deploy(NO_DATABASE)).isInstanceOf(RuntimeException.class);

        assertThat(logLinesContaining("smssafe configuration: 'datasource'")).anySatisfy(line -> assertThat(line)
                .startsWith("smssafe configuration: 'datasource' is invalid: the database bound at"
                        + " 'java:comp/env/jdbc/smssafe' cannot be reached: ")
                .doesNotContain("Dialect"));
    }

    @Test
    void aMissingPasskeyStopsTheDeploymentWithOneLineNamingIt() {
        assertThatThrownBy(() -> deployer.deploy(MISSING_PASSKEY)).isInstanceOf(RuntimeException.class);

        assertThat(logLinesContaining("smssafe configuration:")).contains(
                "smssafe configuration: 'passkey' is missing (required)");
    }

    @Test
    void anInvalidValueStopsTheDeploymentNamingTheKeyButNeverThePasskey() {
        assertThatThrownBy(() -> deployer.deploy(BAD_DELAY)).isInstanceOf(RuntimeException.class);

        assertThat(logLinesContaining("smssafe configuration:")).contains("smssafe configuration: 'delay' is invalid:"
                + " must be an ISO-8601 duration (PT24H) or a number of seconds, not 'tomorrow'");
        assertThat(logLinesContaining("secret-never-logged")).isEmpty();
    }

    private static List<String> logLinesContaining(String text) {
        return TomcatLog.linesContaining(text);
    }
}
