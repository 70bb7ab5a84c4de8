package mq.aggregator.state;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;

/**
 * A {@link RecordVersion} without its key (the store's key holds it) as compact bytes:
 *
 * <pre>
 * format (1) | epoch second (8) | nanosecond (4) | position (8) | line (8) | sum count (4)
 * | per sum: field (modified UTF-8, as DataOutput writes it) | scale (4) | unscaled length (4) | unscaled (two's complement)
 * | text form (1: UTF-8 or UTF-16BE) | the JSON text, to the end
 * </pre>
 *
 * Sums keep their unscaled value and scale, so {@code 12.50} comes back as {@code 12.50}, not
 * {@code 12.5}: the report's sums are then the very sums the in-heap state gives. The JSON text
 * is UTF-8 unless it holds a lone surrogate (a JSON {@code \ud800} escape, which UTF-8 cannot
 * carry), then its UTF-16 code units: the text always comes back exactly. The fields that decide which version
 * is later come first at fixed offsets, so {@link #isLater} reads them without decoding the rest.
 */
final class VersionEncoding {
    private static final byte FORMAT = 1;
    private static final int EPOCH_SECOND_AT = 1;
    private static final int NANO_AT = EPOCH_SECOND_AT + Long.BYTES;
    private static final int POSITION_AT = NANO_AT + Integer.BYTES;
    private static final byte UTF_8 = 0;
    private static final byte UTF_16 = 1;

    private VersionEncoding() {
    }

    static byte[] encode(RecordVersion version) {
        boolean utf8 = !hasLoneSurrogate(version.json());
        byte[] json = utf8 ? version.json().getBytes(StandardCharsets.UTF_8) : Utf16Units.of(version.json());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(48 + json.length + 32 * version.sumValues().size());
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeByte(FORMAT);
            out.writeLong(version.timestamp().getEpochSecond());
            out.writeInt(version.timestamp().getNano());
            out.writeLong(version.position());
            out.writeLong(version.line());
            out.writeInt(version.sumValues().size());
            for (Map.Entry<String, BigDecimal> sum : version.sumValues().entrySet()) {
                out.writeUTF(sum.getKey());
                out.writeInt(sum.getValue().scale());
                byte[] unscaled = sum.getValue().unscaledValue().toByteArray();
                out.writeInt(unscaled.length);
                out.write(unscaled);
            }
            out.writeByte(utf8 ? UTF_8 : UTF_16);
            out.write(json);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot happen: writing to memory", e);
        }
        return bytes.toByteArray();
    }

    static RecordVersion decode(RecordKey key, byte[] bytes) {
        if (bytes.length == 0 || bytes[0] != FORMAT) {
            throw new IllegalArgumentException("not an encoded record version (format " + (bytes.length == 0 ? "none" : bytes[0]) + ")");
        }
        ByteArrayInputStream stream = new ByteArrayInputStream(bytes, 1, bytes.length - 1);
        try (DataInputStream in = new DataInputStream(stream)) {
            Instant timestamp = Instant.ofEpochSecond(in.readLong(), in.readInt());
            long position = in.readLong();
            long line = in.readLong();
            int sumCount = in.readInt();
            Map<String, BigDecimal> sums = new HashMap<>(sumCount * 2);
            for (int i = 0; i < sumCount; i++) {
                String field = in.readUTF();
                int scale = in.readInt();
                byte[] unscaled = in.readNBytes(in.readInt());
                sums.put(field, new BigDecimal(new BigInteger(unscaled), scale));
            }
            boolean utf8 = in.readByte() == UTF_8;
            int jsonAt = bytes.length - stream.available();
            String json = utf8 ? new String(bytes, jsonAt, bytes.length - jsonAt, StandardCharsets.UTF_8)
                    : Utf16Units.read(bytes, jsonAt, bytes.length);
            return new RecordVersion(key, timestamp, position, line, sums, json);
        } catch (IOException e) {
            throw new IllegalArgumentException("a truncated record version", e);
        }
    }

    /**
     * Whether {@code candidate} is later than the stored version, by {@link RecordVersion#NEWER_LAST}
     * (timestamp, then position): what {@link RecordVersion#latest} decides, read from the header alone.
     */
    static boolean isLater(RecordVersion candidate, byte[] stored) {
        ByteBuffer header = ByteBuffer.wrap(stored);
        Instant storedAt = Instant.ofEpochSecond(header.getLong(EPOCH_SECOND_AT), header.getInt(NANO_AT));
        int byTime = candidate.timestamp().compareTo(storedAt);
        return byTime != 0 ? byTime > 0 : candidate.position() > header.getLong(POSITION_AT);
    }

    private static boolean hasLoneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }
}
