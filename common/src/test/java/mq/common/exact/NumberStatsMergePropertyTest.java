package mq.common.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Splitting, shuffling and regrouping numbers never changes their statistics. */
class NumberStatsMergePropertyTest {

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 42, 2024, 987654321})
    void anyGroupingAndOrderGivesTheSequentialResult(long seed) {
        // Given numbers near the long limits mixed with decimals
        Random random = new Random(seed);
        List<Object> numbers = randomNumbers(random, 2_000);
        NumberStats expected = sequential(numbers);

        for (int variant = 0; variant < 20; variant++) {
            // When they are shuffled, split into random groups, each group built alone and merged in random order
            List<Object> shuffled = new ArrayList<>(numbers);
            Collections.shuffle(shuffled, random);
            List<NumberStats> partials = new ArrayList<>();
            for (List<Object> group : randomGroups(shuffled, random)) {
                NumberStatsBuilder builder = new NumberStatsBuilder();
                group.forEach(n -> add(builder, n));
                partials.add(builder.build());
            }
            Collections.shuffle(partials, random);
            NumberStats merged = mergeInRandomTree(partials, random);

            // Then the result equals one BigDecimal pass over the input
            assertThat(merged.canonical()).as("variant %d", variant).isEqualTo(expected);
        }
    }

    private static List<Object> randomNumbers(Random random, int count) {
        List<Object> numbers = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(4)) {
                case 0 -> numbers.add(Long.MAX_VALUE - random.nextInt(1_000));
                case 1 -> numbers.add(Long.MIN_VALUE + random.nextInt(1_000));
                case 2 -> numbers.add(random.nextLong());
                default -> numbers.add(BigDecimal.valueOf(random.nextLong(), random.nextInt(12)));
            }
        }
        return numbers;
    }

    private static NumberStats sequential(List<Object> numbers) {
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal min = null;
        BigDecimal max = null;
        for (Object n : numbers) {
            BigDecimal value = n instanceof Long l ? BigDecimal.valueOf(l) : (BigDecimal) n;
            sum = sum.add(value);
            min = min == null || value.compareTo(min) < 0 ? value : min;
            max = max == null || value.compareTo(max) > 0 ? value : max;
        }
        return new NumberStats(numbers.size(), sum, min, max).canonical();
    }

    private static void add(NumberStatsBuilder builder, Object n) {
        if (n instanceof Long l) {
            builder.add(l);
        } else {
            builder.add((BigDecimal) n);
        }
    }

    private static List<List<Object>> randomGroups(List<Object> items, Random random) {
        List<List<Object>> groups = new ArrayList<>();
        int i = 0;
        while (i < items.size()) {
            int size = 1 + random.nextInt(300);
            groups.add(items.subList(i, Math.min(items.size(), i + size)));
            i += size;
        }
        if (random.nextBoolean()) {
            groups.add(List.of()); // an empty group is the identity
        }
        return groups;
    }

    /** Merges adjacent pairs chosen at random until one is left: every bracketing is possible. */
    private static NumberStats mergeInRandomTree(List<NumberStats> partials, Random random) {
        List<NumberStats> work = new ArrayList<>(partials);
        while (work.size() > 1) {
            int i = random.nextInt(work.size() - 1);
            NumberStats merged = random.nextBoolean() ? work.get(i).merge(work.get(i + 1)) : work.get(i + 1).merge(work.get(i));
            work.set(i, merged);
            work.remove(i + 1);
        }
        return work.get(0);
    }
}
