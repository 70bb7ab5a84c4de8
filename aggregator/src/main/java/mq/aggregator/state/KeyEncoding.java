package mq.aggregator.state;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import mq.common.records.RecordKey;

/**
 * A {@link RecordKey} as bytes whose unsigned lexicographic order (RocksDB's default comparator) is
 * exactly {@link RecordKey#compareTo}: numbers first by value, then strings by UTF-16 code units.
 * The spill store can then write {@code records.jsonl} in one ordered scan, never loading it.
 *
 * <p>The first byte is a class: negative, zero, positive number, string; so every number sorts
 * before every string and numbers sort by sign first. A non-zero number is written as
 * {@code 0.d1d2…dn × 10^E} (d1 not zero, no trailing zeros: {@code RecordKey} strips them, so
 * {@code 7}, {@code 7.0} and {@code 7e0} are one key and one encoding): the exponent E as 8
 * bytes, big-endian with its sign bit flipped (so that signed order is byte order), then the
 * digits as ASCII. Of two positive numbers, the larger exponent is the larger number, and at equal
 * exponents the digits compare as text, a shorter prefix first ({@code 0.12 < 0.123}). A negative
 * number is its magnitude's bytes plus a {@code 0x00} end mark, every byte inverted: inverting
 * reverses the order, and the end mark keeps a shorter magnitude from sorting first as a prefix
 * ({@code -0.12 > -0.123}). A string is its UTF-16 code units, two bytes each, big-endian: unsigned
 * byte order is then {@link String#compareTo}'s order, shorter prefixes first.
 */
final class KeyEncoding {
    static final byte NEGATIVE = 1;
    static final byte ZERO = 2;
    static final byte POSITIVE = 3;
    static final byte TEXT = 4;
    private static final int EXPONENT_BYTES = Long.BYTES;

    private KeyEncoding() {
    }

    static byte[] encode(RecordKey key) {
        if (!key.isNumber()) {
            byte[] bytes = new byte[1 + 2 * key.text().length()];
            bytes[0] = TEXT;
            Utf16Units.write(key.text(), bytes, 1);
            return bytes;
        }
        BigDecimal number = key.number();
        return switch (number.signum()) {
            case 0 -> new byte[] {ZERO};
            case 1 -> magnitude(POSITIVE, number, false);
            default -> magnitude(NEGATIVE, number.negate(), true);
        };
    }

    private static byte[] magnitude(byte sign, BigDecimal magnitude, boolean inverted) {
        byte[] digits = magnitude.unscaledValue().toString().getBytes(StandardCharsets.US_ASCII);
        long exponent = (long) digits.length - magnitude.scale();
        ByteArrayOutputStream out = new ByteArrayOutputStream(1 + EXPONENT_BYTES + digits.length + 1);
        out.write(sign);
        out.writeBytes(ByteBuffer.allocate(EXPONENT_BYTES).putLong(exponent ^ Long.MIN_VALUE).array());
        out.writeBytes(digits);
        if (inverted) {
            out.write(0);
        }
        byte[] bytes = out.toByteArray();
        if (inverted) {
            for (int i = 1; i < bytes.length; i++) {
                bytes[i] = (byte) ~bytes[i];
            }
        }
        return bytes;
    }

    static RecordKey decode(byte[] bytes) {
        return switch (bytes[0]) {
            case TEXT -> RecordKey.ofText(Utf16Units.read(bytes, 1, bytes.length));
            case ZERO -> RecordKey.ofNumber(BigDecimal.ZERO);
            case POSITIVE -> RecordKey.ofNumber(number(bytes, bytes.length));
            case NEGATIVE -> {
                byte[] magnitude = bytes.clone();
                for (int i = 1; i < magnitude.length; i++) {
                    magnitude[i] = (byte) ~magnitude[i];
                }
                yield RecordKey.ofNumber(number(magnitude, magnitude.length - 1).negate());
            }
            default -> throw new IllegalArgumentException("not an encoded key: class byte " + bytes[0]);
        };
    }

    /** The magnitude in {@code bytes[1 … end)}: exponent, then digits. */
    private static BigDecimal number(byte[] bytes, int end) {
        long exponent = ByteBuffer.wrap(bytes, 1, EXPONENT_BYTES).getLong() ^ Long.MIN_VALUE;
        int digitsFrom = 1 + EXPONENT_BYTES;
        String digits = new String(bytes, digitsFrom, end - digitsFrom, StandardCharsets.US_ASCII);
        return new BigDecimal(new BigInteger(digits), Math.toIntExact(digits.length() - exponent));
    }
}
