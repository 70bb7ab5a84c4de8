package mq.lab.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AmdahlFitTest {

    private static final double[] THREADS = {1, 2, 4, 8, 16, 24};

    @ParameterizedTest
    @ValueSource(doubles = {0, 0.05, 0.1, 0.5, 1})
    void recoversTheSerialFractionOfExactPoints(double s) {
        double[] speedups = speedups(s, 0, 0);

        AmdahlFit fit = AmdahlFit.fit(THREADS, speedups);

        assertThat(fit.serialFraction()).isCloseTo(s, within(1e-6));
        assertThat(fit.rmse()).isLessThan(1e-6);
    }

    @Test
    void staysCloseOnNoisyPoints() {
        double[] speedups = speedups(0.1, 0.02, 42);

        AmdahlFit fit = AmdahlFit.fit(THREADS, speedups);

        assertThat(fit.serialFraction()).isCloseTo(0.1, within(0.02));
        assertThat(fit.rSquared()).isGreaterThan(0.95);
    }

    @Test
    void aSuperlinearSpeedupMeansNoSerialFraction() {
        AmdahlFit fit = AmdahlFit.fit(new double[] {1, 2, 4}, new double[] {1, 2.2, 4.5});

        assertThat(fit.serialFraction()).isZero();
        assertThat(fit.maxSpeedup()).isInfinite();
    }

    @Test
    void predictsAndBoundsTheSpeedup() {
        AmdahlFit fit = new AmdahlFit(0.25, 0, 1);

        assertThat(fit.predict(1)).isCloseTo(1, within(1e-12));
        assertThat(fit.predict(3)).isCloseTo(2, within(1e-12));
        assertThat(fit.maxSpeedup()).isCloseTo(4, within(1e-12));
    }

    @Test
    void rejectsMismatchedOrInvalidPoints() {
        assertThatThrownBy(() -> AmdahlFit.fit(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length");
        assertThatThrownBy(() -> AmdahlFit.fit(new double[] {0}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(">= 1");
        assertThatThrownBy(() -> AmdahlFit.fit(new double[] {}, new double[] {}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1");
    }

    private static double[] speedups(double s, double noise, long seed) {
        Random random = new Random(seed);
        double[] speedups = new double[THREADS.length];
        for (int i = 0; i < THREADS.length; i++) {
            speedups[i] = AmdahlFit.speedup(s, THREADS[i]) * (1 + noise * random.nextGaussian());
        }
        return speedups;
    }
}
