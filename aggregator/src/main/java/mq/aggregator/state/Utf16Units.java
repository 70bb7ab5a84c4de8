package mq.aggregator.state;

/**
 * A string's UTF-16 code units, two bytes each, big-endian, written one by one: the JDK's UTF-16
 * charset replaces a lone surrogate (legal in a Java string, and in JSON as a {@code \ud800}
 * escape) with U+FFFD, which would change both the text and its order.
 */
final class Utf16Units {
    private Utf16Units() {
    }

    /** The units of {@code text} into {@code bytes} from {@code offset}, which must have room for them. */
    static void write(String text, byte[] bytes, int offset) {
        for (int i = 0; i < text.length(); i++) {
            char unit = text.charAt(i);
            bytes[offset + 2 * i] = (byte) (unit >>> 8);
            bytes[offset + 2 * i + 1] = (byte) unit;
        }
    }

    static byte[] of(String text) {
        byte[] bytes = new byte[2 * text.length()];
        write(text, bytes, 0);
        return bytes;
    }

    static String read(byte[] bytes, int from, int to) {
        char[] units = new char[(to - from) / 2];
        for (int i = 0; i < units.length; i++) {
            units[i] = (char) (((bytes[from + 2 * i] & 0xFF) << 8) | (bytes[from + 2 * i + 1] & 0xFF));
        }
        return new String(units);
    }
}
