package mq.generate.schema;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;
import net.datafaker.Faker;

/**
 * Values drawn from Datafaker once, then picked from at random for every row.
 *
 * <p>Why pools: a Datafaker call resolves expressions from its YAML data and costs microseconds;
 * a schema of twelve fields at 200,000 records a second leaves about 400 ns per value. Two
 * thousand draws per pool keep the variety a mock file needs (names repeat in real data too),
 * and a seeded {@link Faker} keeps every pool, and so the file, the same for the same seed.
 */
final class DatafakerPools {
    static final int SIZE = 2_000;

    private final Faker faker;
    private final Map<String, String[]> pools = new HashMap<>();

    DatafakerPools(long seed) {
        this.faker = new Faker(new Random(seed));
    }

    String[] firstNames() {
        return pool("first name", () -> faker.name().firstName());
    }

    String[] lastNames() {
        return pool("last name", () -> faker.name().lastName());
    }

    String[] emails() {
        return pool("email", () -> faker.internet().emailAddress());
    }

    String[] countries() {
        return pool("country", () -> faker.address().country());
    }

    String[] cities() {
        return pool("city", () -> faker.address().city());
    }

    String[] streets() {
        return pool("street", () -> faker.address().streetAddress());
    }

    /** Strings that match {@code regex}; throws {@link SchemaException} when Datafaker cannot generate from it. */
    String[] matching(String regex) {
        return pools.computeIfAbsent("regex " + regex, key -> fill(() -> faker.regexify(regex)));
    }

    private String[] pool(String name, Supplier<String> draw) {
        return pools.computeIfAbsent(name, key -> fill(draw));
    }

    private static String[] fill(Supplier<String> draw) {
        String[] values = new String[SIZE];
        for (int i = 0; i < SIZE; i++) {
            values[i] = draw.get();
        }
        return values;
    }

}
