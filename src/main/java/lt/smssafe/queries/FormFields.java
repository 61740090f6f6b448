package lt.smssafe.queries;

import java.util.Optional;

/**
 * How the admin pages' filter forms read a field: blank is absent, and the blanks around a value are not part of it.
 */
final class FormFields {
    private FormFields() {
    }

    static Optional<String> text(String value) {
        return value == null || value.isBlank() ? Optional.empty() : Optional.of(value.strip());
    }
}
