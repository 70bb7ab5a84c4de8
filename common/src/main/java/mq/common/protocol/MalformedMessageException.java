package mq.common.protocol;

/** A message on one of our topics that does not follow docs/PROTOCOL.md. */
public class MalformedMessageException extends RuntimeException {
    public MalformedMessageException(String message) {
        super(message);
    }

    public MalformedMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
