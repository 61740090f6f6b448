package lt.smssafe.bench;

import com.zaxxer.hikari.HikariDataSource;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.stream.Stream;
import lt.smssafe.bench.baseline.BaselineApp;
import lt.smssafe.bench.probe.SqlProbe;
import lt.smssafe.testing.Folders;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.exporter.ZipExporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/** What the benchmark deploys beside the unchanged production WAR: the baseline WAR, and the SQL probe's classes. */
final class Deployments {
    private Deployments() {
    }

    /**
     * The baseline WAR: its own package, the SQL probe, the application's {@code DataSourceLocator}, and the pool and H2 driver the application bundles too (the
     * MariaDB driver is in Tomcat's {@code lib/}, as for the application's {@code <Resource>}).
     */
    static Path baselineWar(Path file) throws IOException {
        WebArchive war = ShrinkWrap.create(WebArchive.class, "baseline.war")
                .addPackage(BaselineApp.class.getPackage())
                .addClass(SqlProbe.class)
                // its embedded H2 opens with the application's URL, computed in Tomcat's JVM as the WAR's is
                .addClass(lt.smssafe.persistence.DataSourceLocator.class)
                .addAsLibraries(jarOf(HikariDataSource.class), jarOf(org.h2.Driver.class),
                        jarOf(org.slf4j.Logger.class), jarOf(org.slf4j.jul.JULServiceProvider.class));
        Files.createDirectories(file.getParent());
        war.as(ZipExporter.class).exportTo(file.toFile(), true);
        return file;
    }

    /** A class folder with only the SQL probe, to mount into the production WAR's {@code WEB-INF/classes}. */
    static Path probeClasses(Path folder) throws IOException {
        Folders.deleteTree(folder);
        Path source;
        try {
            source = Path.of(SqlProbe.class.getResource("SqlProbe.class").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        Path target = Files.createDirectories(folder.resolve(SqlProbe.class.getPackageName().replace('.', '/')));
        try (Stream<Path> classes = Files.list(source)) {
            for (Path file : classes.filter(p -> p.getFileName().toString().startsWith("SqlProbe")).toList()) {
                Files.copy(file, target.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return folder;
    }

    private static File jarOf(Class<?> type) {
        try {
            return new File(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot find the jar of " + type.getName(), e);
        }
    }
}
