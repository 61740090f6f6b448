package lt.smssafe.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * For a bulk load on H2, which keeps each index up to date row by row, several times slower than building it once
 * afterwards: the statements that drop the tables' indexes and constraints other than their primary keys, and those
 * that create them again, both as H2's own {@code SCRIPT} defines them (whatever the migrations made of them).
 *
 * @param drop foreign keys first, then unique constraints, then indexes
 * @param create indexes and unique constraints in the script's order, then the foreign keys (the script's
 *     {@code NOCHECK}: the loaded rows are consistent by construction)
 */
record H2SecondaryIndexes(List<String> drop, List<String> create) {
    private static final String NAME = "(\"[^\"]+\"\\.\"[^\"]+\")";
    private static final Pattern CREATE_INDEX = Pattern.compile("CREATE (?:UNIQUE )?INDEX " + NAME + " ON ");
    private static final Pattern ADD_CONSTRAINT = Pattern.compile("ALTER TABLE " + NAME + " ADD CONSTRAINT " + NAME
            + " (UNIQUE|FOREIGN KEY)");

    /** The query whose rows, one statement each, {@link #of} reads. */
    static String script(List<String> tables) {
        return "SCRIPT NODATA NOPASSWORDS NOSETTINGS TABLE " + String.join(", ", tables);
    }

    /** Read from the statements of {@link #script}. */
    static H2SecondaryIndexes of(List<String> script) {
        List<String> create = new ArrayList<>();
        List<String> foreignKeys = new ArrayList<>();
        List<String> dropIndexes = new ArrayList<>();
        List<String> dropUniques = new ArrayList<>();
        List<String> dropForeignKeys = new ArrayList<>();
        for (String statement : script) {
            Matcher index = CREATE_INDEX.matcher(statement);
            Matcher constraint = ADD_CONSTRAINT.matcher(statement);
            if (index.lookingAt()) {
                create.add(statement);
                dropIndexes.add("DROP INDEX " + index.group(1));
            } else if (constraint.lookingAt()) {
                boolean foreign = constraint.group(3).equals("FOREIGN KEY");
                (foreign ? foreignKeys : create).add(statement);
                String drop = "ALTER TABLE " + constraint.group(1) + " DROP CONSTRAINT " + constraint.group(2);
                (foreign ? dropForeignKeys : dropUniques).add(drop);
            }
        }
        List<String> drop = new ArrayList<>(dropForeignKeys);
        drop.addAll(dropUniques);
        drop.addAll(dropIndexes);
        create.addAll(foreignKeys);
        return new H2SecondaryIndexes(List.copyOf(drop), List.copyOf(create));
    }
}
