package mq.cli.options;

import mq.launcher.JitMode;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** {@code --jit c1|c2|auto}, with the accepted values in the error message. */
public final class JitOption implements ITypeConverter<JitMode> {
    @Override
    public JitMode convert(String value) {
        try {
            return JitMode.parse(value);
        } catch (IllegalArgumentException e) {
            throw new TypeConversionException(e.getMessage());
        }
    }
}
