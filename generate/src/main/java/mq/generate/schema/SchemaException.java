package mq.generate.schema;

/** A schema that cannot be used, with what is wrong and where. */
public final class SchemaException extends RuntimeException {
    public SchemaException(String message) {
        super(message);
    }
}
