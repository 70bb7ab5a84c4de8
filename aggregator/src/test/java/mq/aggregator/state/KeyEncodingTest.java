package mq.aggregator.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import mq.common.records.RecordKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The spill store's key bytes sort exactly as {@link RecordKey#compareTo}, so that one ordered scan
 * is {@code records.jsonl}'s order. Seeded properties over random keys mixed with edge cases: every
 * pair compares the same way as bytes and as keys, and every key decodes back to itself.
 */
class KeyEncodingTest {
    private static final List<RecordKey> EDGES = List.of(
            number("0"), number("-0"), number("0.000"), number("0E+5"),
            number("7"), number("7.0"), number("7e0"), number("70"), number("0.7"), number("-7"), number("-7.00"),
            number("1"), number("-1"), number("10"), number("-10"), number("9.99"), number("10.01"), number("-9.99"),
            number("0.12"), number("0.123"), number("-0.12"), number("-0.123"), number("0.1200001"),
            number("1E+2147483647"), number("-1E+2147483647"), number("1E-2147483647"), number("-1E-2147483647"),
            number("9.999999999999999999999999999999E+1000"), number("1E+1001"), number("-1E+1001"),
            number(Long.toString(Long.MAX_VALUE)), number(Long.toString(Long.MIN_VALUE)),
            number("123456789012345678901234567890.000000000000000001"),
            text(""), text("0"), text("7"), text("7.0"), text("a"), text("ab"), text("b"), text("A"), text("Z"),
            text("\u0000"), text("\u00e9"), text("\uffff"), text("\ud83d\ude00"), text("\ud800"), text("\udc00"),
            text("\ufb01"), text("a\u0000"), text("\u4e2d\u6587"));

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024, 31337})
    void byteOrderIsKeyOrderForRandomAndEdgeKeys(long seed) {
        List<RecordKey> keys = edgesAndRandomKeys(seed, 600);
        for (RecordKey a : keys) {
            byte[] encodedA = KeyEncoding.encode(a);
            for (RecordKey b : keys) {
                assertThat(Integer.signum(Arrays.compareUnsigned(encodedA, KeyEncoding.encode(b))))
                        .as("%s vs %s", a, b).isEqualTo(Integer.signum(a.compareTo(b)));
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {5, 6, 7})
    void everyKeyDecodesToItself(long seed) {
        for (RecordKey key : edgesAndRandomKeys(seed, 5_000)) {
            RecordKey decoded = KeyEncoding.decode(KeyEncoding.encode(key));
            assertThat(decoded).as("%s", key).isEqualTo(key);
            assertThat(decoded.compareTo(key)).isZero();
        }
    }

    @Test
    void oneNumberWrittenThreeWaysIsOneKeyAndOneEncoding() {
        assertThat(KeyEncoding.encode(number("7"))).isEqualTo(KeyEncoding.encode(number("7.0")))
                .isEqualTo(KeyEncoding.encode(number("7e0")));
        assertThat(KeyEncoding.encode(number("7"))).isNotEqualTo(KeyEncoding.encode(text("7")));
    }

    private static List<RecordKey> edgesAndRandomKeys(long seed, int randomOnes) {
        Random random = new Random(seed);
        List<RecordKey> keys = new ArrayList<>(EDGES);
        for (int i = 0; i < randomOnes; i++) {
            keys.add(randomKey(random));
        }
        return keys;
    }

    /** Numbers of every sign and size, near each other and far apart, and strings with any UTF-16 unit. */
    private static RecordKey randomKey(Random random) {
        return switch (random.nextInt(6)) {
            case 0 -> number(BigDecimal.valueOf(random.nextInt(41) - 20, random.nextInt(5) - 2));
            case 1 -> number(new BigDecimal(new BigInteger(random.nextInt(120) + 1, random), random.nextInt(80) - 40)
                    .multiply(BigDecimal.valueOf(random.nextBoolean() ? 1 : -1)));
            case 2 -> number(new BigDecimal(BigInteger.valueOf(random.nextLong()), random.nextInt(Integer.MAX_VALUE - 64)
                    * (random.nextBoolean() ? 1 : -1)));
            case 3 -> number(BigDecimal.valueOf(random.nextDouble() * 2 - 1));
            case 4 -> text(randomText(random, "ab0 \u00e9\ud83d\ude00"));
            default -> text(randomText(random, null));
        };
    }

    private static String randomText(Random random, String alphabet) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(6);
        for (int i = 0; i < length; i++) {
            text.append(alphabet != null ? alphabet.charAt(random.nextInt(alphabet.length())) : (char) random.nextInt(0x10000));
        }
        return text.toString();
    }

    private static RecordKey number(String text) {
        return number(new BigDecimal(text));
    }

    private static RecordKey number(BigDecimal number) {
        return RecordKey.ofNumber(number);
    }

    private static RecordKey text(String text) {
        return RecordKey.ofText(text);
    }
}
