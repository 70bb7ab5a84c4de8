package mq.broker;

/** A broker could not be started, reached or stopped; the message says what to do about it. */
public class BrokerException extends RuntimeException {
    public BrokerException(String message) {
        super(message);
    }

    public BrokerException(String message, Throwable cause) {
        super(message, cause);
    }
}
