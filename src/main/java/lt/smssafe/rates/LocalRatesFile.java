package lt.smssafe.rates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Optional;

/**
 * The last good copy of a source, which survives restarts and feed outages: {@code data.dir/local.xml} for the
 * feed, {@code data.dir/fortumo.xml} for Fortumo's service-data XML.
 *
 * <p>It is only ever replaced whole: the new content goes to {@code <name>.tmp-<random>} in the same directory,
 * is flushed to the disk, and is then renamed over the old file. A reader (this class at the next start-up, or an
 * admin's {@code cat}) sees the old file or the new one, never a mix, and a crash mid-write leaves the old one.
 */
final class LocalRatesFile {
    /** The feed's copy, which is also the site's own rates where there is no feed. */
    static final String NAME = "local.xml";
    /** The copy of Fortumo's service-data XML. */
    static final String FORTUMO_NAME = "fortumo.xml";

    private final Path directory;
    private final String name;
    private final Path file;

    LocalRatesFile(Path directory) {
        this(directory, NAME);
    }

    LocalRatesFile(Path directory, String name) {
        this.directory = directory;
        this.name = name;
        this.file = directory.resolve(name);
    }

    /** The file's name, e.g. {@code local.xml}. */
    String name() {
        return name;
    }

    Path path() {
        return file;
    }

    /** The file's content, or empty when there is no such file yet. */
    Optional<byte[]> read() throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(RatesSource.MAX_BYTES + 1);
            if (bytes.length > RatesSource.MAX_BYTES) {
                throw new IOException("larger than " + RatesSource.MAX_BYTES + " bytes");
            }
            return Optional.of(bytes);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Replaces the file with {@code content} atomically; on failure the old file is left as it was. */
    void replace(byte[] content) throws IOException {
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, name + ".tmp-", "");
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE,
                    StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(content);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                // on the disk before the rename, or a power cut could leave an empty file behind
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException | RuntimeException e) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        syncDirectory();
    }

    /** Makes the rename itself durable where the platform allows it. */
    private void syncDirectory() {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // directories cannot be opened on Windows; the rename is still atomic there, just not yet durable
        }
    }
}
