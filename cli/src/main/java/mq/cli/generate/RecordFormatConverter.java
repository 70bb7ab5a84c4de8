package mq.cli.generate;

import java.util.Locale;
import mq.generate.RecordFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts {@code json} / {@code jsonl} in any case for {@code --format}. */
final class RecordFormatConverter implements ITypeConverter<RecordFormat> {
    @Override
    public RecordFormat convert(String value) {
        try {
            return RecordFormat.valueOf(value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException("expected json or jsonl but was '" + value + "'");
        }
    }
}
