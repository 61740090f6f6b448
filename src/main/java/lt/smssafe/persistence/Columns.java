package lt.smssafe.persistence;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The columns of one table and, for each, how its value moves between a row and one class's field: the one list from
 * which the plain SQL that inserts and reads that class is written. A column is so named once for the store's
 * inserts and reads (and once in its migration), where an entity would carry its {@code @Column}; the pages'
 * statements in {@code queries} select what they show, and the statements that change only some columns name
 * those themselves. The first column is the table's generated id: read, never inserted.
 *
 * <p>An instant is kept as UTC epoch milliseconds in a BIGINT, as {@link EpochMillisConverter} keeps it for the
 * entities; a null field is a NULL column and back.
 *
 * @param <T> the class a row is read into: it gives a blank instance, which the columns fill
 */
public final class Columns<T> {
    private final Supplier<T> blank;
    private final Column<T> id;
    private final List<Column<T>> inserted;
    /** Written once: the hot path inserts a row per message. */
    private final String insert;

    /**
     * @param blank a new instance for a row to be read into
     * @param id the generated id
     * @param inserted every other column, in the order the statements list them
     */
    @SafeVarargs
    public Columns(String table, Supplier<T> blank, Column<T> id, Column<T>... inserted) {
        this.blank = blank;
        this.id = id;
        this.inserted = List.of(inserted);
        this.insert = "INSERT INTO " + table + " (" + this.inserted.stream().map(Column::name)
                .collect(Collectors.joining(", ")) + ") VALUES (" + this.inserted.stream().map(column -> "?")
                .collect(Collectors.joining(", ")) + ")";
    }

    /** Every column, the id first, for a SELECT: {@code alias.id, alias.safe_id, …}; {@link #read} reads them. */
    public String select(String alias) {
        return alias + "." + id.name() + ", " + inserted.stream().map(column -> alias + "." + column.name())
                .collect(Collectors.joining(", "));
    }

    /** The INSERT of every column but the id; {@link #bindInsert} gives its values. */
    public String insert() {
        return insert;
    }

    /** Binds {@link #insert}'s values from the object. */
    public void bindInsert(PreparedStatement insert, T object) throws SQLException {
        for (int i = 0; i < inserted.size(); i++) {
            inserted.get(i).bind(insert, i + 1, object);
        }
    }

    /** The object of the row's first columns, as {@link #select} lists them. */
    public T read(ResultSet row) throws SQLException {
        T object = blank.get();
        id.read(row, 1, object);
        for (int i = 0; i < inserted.size(); i++) {
            inserted.get(i).read(row, i + 2, object);
        }
        return object;
    }

    /** Gives the object the id its insert generated: the first column of the statement's generated keys. */
    public void generated(ResultSet keys, T object) throws SQLException {
        id.read(keys, 1, object);
    }

    /** One column: its name, and how a field's value is bound to a statement and read from a row. */
    public record Column<T>(String name, Binder<T> binder, Reader<T> reader) {
        void bind(PreparedStatement statement, int index, T object) throws SQLException {
            binder.bind(statement, index, object);
        }

        void read(ResultSet row, int index, T object) throws SQLException {
            reader.read(row, index, object);
        }
    }

    /** Binds a field's value. */
    @FunctionalInterface
    public interface Binder<T> {
        void bind(PreparedStatement statement, int index, T object) throws SQLException;
    }

    /** Reads a field's value. */
    @FunctionalInterface
    public interface Reader<T> {
        void read(ResultSet row, int index, T object) throws SQLException;
    }

    /** A VARCHAR or CHAR. */
    public static <T> Column<T> text(String name, Function<T, String> get, BiConsumer<T, String> set) {
        return column(name, get, set, PreparedStatement::setString, ResultSet::getString);
    }

    /** An INT, never NULL. */
    public static <T> Column<T> integer(String name, Function<T, Integer> get, BiConsumer<T, Integer> set) {
        return column(name, get, set, PreparedStatement::setInt, ResultSet::getInt);
    }

    /** A BIGINT, NULL where the field is null. */
    public static <T> Column<T> number(String name, Function<T, Long> get, BiConsumer<T, Long> set) {
        return column(name, get, set, Columns::setLong, Columns::getLong);
    }

    /** A BOOLEAN, never NULL. */
    public static <T> Column<T> flag(String name, Function<T, Boolean> get, BiConsumer<T, Boolean> set) {
        return column(name, get, set, PreparedStatement::setBoolean, ResultSet::getBoolean);
    }

    /** A DECIMAL. */
    public static <T> Column<T> decimal(String name, Function<T, BigDecimal> get, BiConsumer<T, BigDecimal> set) {
        return column(name, get, set, PreparedStatement::setBigDecimal, ResultSet::getBigDecimal);
    }

    /** An instant as epoch milliseconds in a BIGINT, NULL where the field is null. */
    public static <T> Column<T> instant(String name, Function<T, Instant> get, BiConsumer<T, Instant> set) {
        return column(name, get, set,
                (statement, index, value) -> setLong(statement, index, value == null ? null : value.toEpochMilli()),
                (row, index) -> {
                    Long millis = getLong(row, index);
                    return millis == null ? null : Instant.ofEpochMilli(millis);
                });
    }

    /** An enum constant by its name, in a VARCHAR. */
    public static <T, E extends Enum<E>> Column<T> enumerated(String name, Class<E> type, Function<T, E> get,
            BiConsumer<T, E> set) {
        return column(name, get, set, (statement, index, value) -> statement.setString(index, value.name()),
                (row, index) -> Enum.valueOf(type, row.getString(index)));
    }

    /** The column of a field whose value {@code bind} binds to a statement and {@code read} reads from a row. */
    private static <T, V> Column<T> column(String name, Function<T, V> get, BiConsumer<T, V> set,
            ValueBinder<V> bind, ValueReader<V> read) {
        return new Column<>(name, (statement, index, object) -> bind.bind(statement, index, get.apply(object)),
                (row, index, object) -> set.accept(object, read.read(row, index)));
    }

    /** Binds a value of one JDBC type, e.g. {@link PreparedStatement#setString}. */
    @FunctionalInterface
    private interface ValueBinder<V> {
        void bind(PreparedStatement statement, int index, V value) throws SQLException;
    }

    /** Reads a value of one JDBC type, e.g. {@link ResultSet#getString}. */
    @FunctionalInterface
    private interface ValueReader<V> {
        V read(ResultSet row, int index) throws SQLException;
    }

    private static void setLong(PreparedStatement statement, int index, Long value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.BIGINT);
        } else {
            statement.setLong(index, value);
        }
    }

    private static Long getLong(ResultSet row, int index) throws SQLException {
        long value = row.getLong(index);
        return row.wasNull() ? null : value;
    }
}
