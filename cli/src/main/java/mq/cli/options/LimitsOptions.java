package mq.cli.options;

import java.util.List;
import mq.common.protocol.Limits;
import picocli.CommandLine.Option;

/**
 * The limits a role enforces (docs/PROTOCOL.md, "Limits"); the defaults suit every input the
 * project knows. Give every role of an installation the same values.
 */
public final class LimitsOptions {
    @Option(names = "--max-line-bytes", paramLabel = "BYTES", defaultValue = "${env:MQ_MAX_LINE_BYTES:-" + Limits.MAX_LINE_BYTES + "}",
            description = "Longest line (a number or a JSON record) in bytes; the producer stops at a longer one "
                    + "(env MQ_MAX_LINE_BYTES, default ${DEFAULT-VALUE}).")
    int maxLineBytes;

    @Option(names = "--max-number-digits", paramLabel = "DIGITS",
            defaultValue = "${env:MQ_MAX_NUMBER_DIGITS:-" + Limits.MAX_NUMBER_DIGITS + "}",
            description = "Most digits of a number; a longer one is a bad line (env MQ_MAX_NUMBER_DIGITS, default ${DEFAULT-VALUE}).")
    int maxNumberDigits;

    @Option(names = "--max-exponent", paramLabel = "N", defaultValue = "${env:MQ_MAX_EXPONENT:-" + Limits.MAX_EXPONENT + "}",
            description = "Largest exponent of a number, either way; a larger one is a bad line "
                    + "(env MQ_MAX_EXPONENT, default ${DEFAULT-VALUE}).")
    int maxExponent;

    @Option(names = "--max-json-depth", paramLabel = "LEVELS", defaultValue = "${env:MQ_MAX_JSON_DEPTH:-" + Limits.MAX_JSON_DEPTH + "}",
            description = "Deepest nesting of a JSON record; a deeper one is a bad line "
                    + "(env MQ_MAX_JSON_DEPTH, default ${DEFAULT-VALUE}).")
    int maxJsonDepth;

    @Option(names = "--max-partial-bytes", paramLabel = "BYTES",
            defaultValue = "${env:MQ_MAX_PARTIAL_BYTES:-" + Limits.MAX_PARTIAL_BYTES + "}",
            description = "Largest partial result a worker sends; a chunk whose partial is larger fails, asking for a "
                    + "smaller --chunk-size (env MQ_MAX_PARTIAL_BYTES, default and most ${DEFAULT-VALUE}).")
    int maxPartialBytes;

    /** The options as limits; throws IllegalArgumentException (a usage error) naming the option out of its range. */
    public Limits limits() {
        return new Limits(maxLineBytes, maxNumberDigits, maxExponent, maxJsonDepth, maxPartialBytes);
    }

    /** Makes them this process's limits: call before the role reads anything. */
    public Limits apply() {
        Limits limits = limits();
        Limits.use(limits);
        return limits;
    }

    /** The same limits as command-line arguments, for the role processes of a run. */
    public static List<String> asArguments(Limits limits) {
        return List.of("--max-line-bytes", Integer.toString(limits.maxLineBytes()),
                "--max-number-digits", Integer.toString(limits.maxNumberDigits()),
                "--max-exponent", Integer.toString(limits.maxExponent()),
                "--max-json-depth", Integer.toString(limits.maxJsonDepth()),
                "--max-partial-bytes", Integer.toString(limits.maxPartialBytes()));
    }
}
