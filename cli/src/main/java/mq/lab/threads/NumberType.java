package mq.lab.threads;

import java.util.Arrays;
import java.util.Locale;
import picocli.CommandLine;

/** What the lab sums: bounded random longs (exact) or random doubles in [0, 1) (rounded). */
public enum NumberType {
    LONG, DOUBLE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Accepts the lower-case names shown in the help, whatever the parent command's settings. */
    public static final class Converter implements CommandLine.ITypeConverter<NumberType> {
        @Override
        public NumberType convert(String value) {
            return Arrays.stream(values())
                    .filter(t -> t.label().equalsIgnoreCase(value.trim()))
                    .findFirst()
                    .orElseThrow(() -> new CommandLine.TypeConversionException(
                            "unknown type '" + value + "': use long or double"));
        }
    }
}
