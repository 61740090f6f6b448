package lt.smssafe.mbs;

import java.util.function.Function;

/** From a name the wire carries to the constant of an MBS enumeration ({@link AccountType}, {@link MtType} ...). */
final class WireNames {
    private WireNames() {
    }

    /** @throws IllegalArgumentException for a name the WSDL does not define, naming the element and the name */
    static <E extends Enum<E>> E find(E[] values, Function<E, String> wireName, String name, String element) {
        for (E value : values) {
            if (wireName.apply(value).equals(name)) {
                return value;
            }
        }
        throw new IllegalArgumentException("unknown " + element + " '" + name + "'");
    }
}
