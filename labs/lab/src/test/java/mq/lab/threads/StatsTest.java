package mq.lab.threads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class StatsTest {

    @Test
    void summarisesUnsortedTimings() {
        Stats stats = Stats.of(new long[] {50, 10, 40, 20, 30});

        assertThat(stats.medianNanos()).isEqualTo(30);
        assertThat(stats.minNanos()).isEqualTo(10);
        assertThat(stats.maxNanos()).isEqualTo(50);
        assertThat(stats.q1Nanos()).isEqualTo(20);
        assertThat(stats.q3Nanos()).isEqualTo(40);
        assertThat(stats.spread()).isCloseTo(20.0 / 30, within(1e-12));
    }

    @Test
    void interpolatesBetweenRanks() {
        Stats stats = Stats.of(new long[] {10, 20, 30, 40});

        assertThat(stats.medianNanos()).isEqualTo(25);
        assertThat(stats.q1Nanos()).isEqualTo(17.5);
    }

    @Test
    void oneRunHasNoSpread() {
        Stats stats = Stats.of(new long[] {7});

        assertThat(stats.medianNanos()).isEqualTo(7);
        assertThat(stats.spread()).isZero();
    }
}
