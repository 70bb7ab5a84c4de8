package mq.common.records;

import java.math.BigDecimal;
import java.util.Comparator;

/**
 * The key of a record: a JSON number or a JSON string, never both.
 *
 * <p>Numbers are keys by value ({@code 7}, {@code 7.0} and {@code 7e0} are one key); a string is a
 * different key from any number, so {@code "7"} and {@code 7} are two keys. Keys sort numbers
 * first, by value, then strings, by UTF-16 code units: the order of {@code records.jsonl}.
 *
 * @param number the value when the key is a JSON number, else {@code null}
 * @param text   the value when the key is a JSON string, else {@code null}
 */
public record RecordKey(BigDecimal number, String text) implements Comparable<RecordKey> {
    private static final Comparator<RecordKey> ORDER = Comparator
            .comparing(RecordKey::isNumber).reversed()
            .thenComparing(RecordKey::number, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(RecordKey::text, Comparator.nullsLast(Comparator.naturalOrder()));

    public RecordKey {
        if ((number == null) == (text == null)) {
            throw new IllegalArgumentException("a key is either a number or a string");
        }
        if (number != null) {
            number = number.signum() == 0 ? BigDecimal.ZERO : number.stripTrailingZeros();
        }
    }

    public static RecordKey ofNumber(BigDecimal number) {
        return new RecordKey(number, null);
    }

    public static RecordKey ofText(String text) {
        return new RecordKey(null, text);
    }

    public boolean isNumber() {
        return number != null;
    }

    @Override
    public int compareTo(RecordKey other) {
        return ORDER.compare(this, other);
    }

    @Override
    public String toString() {
        return isNumber() ? number.toPlainString() : '"' + text + '"';
    }
}
