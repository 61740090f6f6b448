package lt.smssafe.persistence;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import java.time.Instant;

/**
 * Stores an instant as UTC epoch milliseconds in a BIGINT column: the same value on H2 and MariaDB, whatever the
 * time zone of the JVM or the database server, and no loss from a database's own timestamp precision.
 */
@Converter
public final class EpochMillisConverter implements AttributeConverter<Instant, Long> {
    @Override
    public Long convertToDatabaseColumn(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    @Override
    public Instant convertToEntityAttribute(Long millis) {
        return millis == null ? null : Instant.ofEpochMilli(millis);
    }
}
