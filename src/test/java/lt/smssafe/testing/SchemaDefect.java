package lt.smssafe.testing;

import java.util.function.Consumer;

/**
 * A defect of the kind a bad upgrade leaves, put into a database under test: a table lacks a column the code reads
 * and writes (it is renamed to {@code <column>_renamed}) for as long as the test needs the defect, and has it back
 * afterwards.
 */
public final class SchemaDefect {
    private final Consumer<String> statements;

    private SchemaDefect(Consumer<String> statements) {
        this.statements = statements;
    }

    /** The defects of the database on which {@code statements} runs each {@code ALTER TABLE}. */
    public static SchemaDefect on(Consumer<String> statements) {
        return new SchemaDefect(statements);
    }

    /** Runs {@code work} while {@code table} lacks {@code column}, then gives it back; returns what the work returned. */
    public <T, E extends Exception> T withoutColumn(String table, String column, Meanwhile<T, E> work) throws E {
        statements.accept("alter table " + table + " rename column " + column + " to " + column + "_renamed");
        try {
            return work.get();
        } finally {
            statements.accept("alter table " + table + " rename column " + column + "_renamed to " + column);
        }
    }
}
