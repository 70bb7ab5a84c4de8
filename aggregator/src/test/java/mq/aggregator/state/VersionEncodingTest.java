package mq.aggregator.state;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import mq.common.records.RecordKey;
import mq.common.records.RecordVersion;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A stored version comes back exactly (sums with their scale, any text), and "later" is read from its header as RecordVersion decides it. */
class VersionEncodingTest {
    private static final RecordKey KEY = RecordKey.ofText("k");

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    void everyVersionDecodesToItself(long seed) {
        for (RecordVersion version : Stream.generate(randomVersions(seed)).limit(2_000).toList()) {
            RecordVersion decoded = VersionEncoding.decode(KEY, VersionEncoding.encode(version));

            assertThat(decoded).isEqualTo(version);
            decoded.sumValues().forEach((field, value) ->
                    assertThat(value.scale()).isEqualTo(version.sumValues().get(field).scale()));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {4, 5, 6})
    void isLaterAgreesWithRecordVersionLatest(long seed) {
        Supplier<RecordVersion> versions = randomVersions(seed);
        for (int i = 0; i < 5_000; i++) {
            RecordVersion stored = versions.get();
            RecordVersion candidate = i % 4 == 0 ? stored : versions.get();

            boolean later = VersionEncoding.isLater(candidate, VersionEncoding.encode(stored));

            assertThat(later).isEqualTo(RecordVersion.latest(stored, candidate) != stored);
        }
    }

    private static Supplier<RecordVersion> randomVersions(long seed) {
        Random random = new Random(seed);
        return () -> randomVersion(random);
    }

    /** Timestamps and positions drawn from few values (many ties), sums of every scale and size, text with any UTF-16 unit. */
    private static RecordVersion randomVersion(Random random) {
        Instant at = Instant.ofEpochSecond(random.nextInt(3) - 1L + (random.nextBoolean() ? 0 : 1_700_000_000L),
                random.nextInt(3) * 333_333_333);
        Map<String, BigDecimal> sums = switch (random.nextInt(3)) {
            case 0 -> Map.of();
            case 1 -> Map.of("amount", new BigDecimal("12.50"));
            default -> Map.of("amount", new BigDecimal(new BigInteger(random.nextInt(200) + 1, random), random.nextInt(40) - 20),
                    "qty", BigDecimal.valueOf(-random.nextInt(100)), "ünïcode", BigDecimal.ZERO.setScale(3));
        };
        StringBuilder json = new StringBuilder("{\"t\":\"");
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            json.append(random.nextInt(5) == 0 ? (char) random.nextInt(0x10000) : (char) ('a' + random.nextInt(26)));
        }
        return new RecordVersion(KEY, at, random.nextInt(4), random.nextInt(1_000_000) + 1, sums, json.append("\"}").toString());
    }
}
