package mq.cli.generate;

import mq.generate.schema.SchemaFormat;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Accepts {@code json}, {@code jsonl} or {@code csv} in any case for {@code --format}. */
final class SchemaFormatConverter implements ITypeConverter<SchemaFormat> {
    @Override
    public SchemaFormat convert(String value) {
        try {
            return SchemaFormat.of(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
