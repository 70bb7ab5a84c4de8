package mq.cli.generate;

import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** How {@link RecordsGenerator} lays records out in the file. */
public enum RecordFormat {
    /** One JSON array: {@code [} on the first line, one object per line, {@code ]} on the last. */
    JSON,
    /** JSON Lines: one object per line, nothing else. */
    JSONL;

    /** Accepts {@code json} / {@code jsonl} in any case. */
    static final class Converter implements ITypeConverter<RecordFormat> {
        @Override
        public RecordFormat convert(String value) {
            try {
                return RecordFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException("expected json or jsonl but was '" + value + "'");
            }
        }
    }
}
