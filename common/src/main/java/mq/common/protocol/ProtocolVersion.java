package mq.common.protocol;

/**
 * The protocol's version, carried by chunks ({@code mq-protocol} header) and by job events and
 * partials ({@code protocol} field), so that later changes can be told apart. A message without
 * one is version 1: clients written to the first published page keep working.
 *
 * <p>Version 2 adds the version itself, {@code owner}, the producer's {@code alive} event, and the
 * dead-letter topic; every version-1 message is a valid version-2 message.
 */
public final class ProtocolVersion {
    public static final int FIRST = 1;
    public static final int CURRENT = 2;

    private ProtocolVersion() {
    }

    /** Checks a version given as text (a header); {@code null} means version 1. */
    public static int check(String text, String where) {
        if (text == null) {
            return FIRST;
        }
        try {
            return check(Integer.parseInt(text.trim()), where);
        } catch (NumberFormatException e) {
            throw new MalformedMessageException(where + " is " + Terminal.quote(text) + ", not a protocol version");
        }
    }

    /** Checks a version given as a number (an event field); 0 (absent) means version 1. */
    public static int check(int version, String where) {
        if (version == 0) {
            return FIRST;
        }
        if (version < FIRST || version > CURRENT) {
            throw new MalformedMessageException(where + " says protocol version " + version
                    + "; this role speaks versions " + FIRST + " to " + CURRENT);
        }
        return version;
    }
}
