package mq.lab.fit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UslFitTest {

    private static final double[] N = {1, 2, 4, 8, 16, 32, 64};

    @ParameterizedTest
    @CsvSource({"0.05, 0.001", "0.2, 0", "0, 0.01", "0, 0", "0.5, 0.0001"})
    void recoversSigmaAndKappaOfExactPoints(double sigma, double kappa) {
        double[] speedups = speedups(sigma, kappa, 0, 0);

        UslFit fit = UslFit.fit(N, speedups);

        assertThat(fit.sigma()).isCloseTo(sigma, within(1e-6));
        assertThat(fit.kappa()).isCloseTo(kappa, within(1e-7));
        assertThat(fit.rSquared()).isGreaterThan(0.999999);
    }

    @Test
    void staysCloseOnNoisyPoints() {
        double[] speedups = speedups(0.05, 0.002, 0.01, 7);

        UslFit fit = UslFit.fit(N, speedups);

        assertThat(fit.sigma()).isCloseTo(0.05, within(0.02));
        assertThat(fit.kappa()).isCloseTo(0.002, within(0.001));
        assertThat(fit.rSquared()).isGreaterThan(0.95);
    }

    @Test
    void neverReturnsNegativeParameters() {
        // Superlinear points would need a negative σ; the fit clamps it at zero instead.
        UslFit fit = UslFit.fit(new double[] {1, 2, 4, 8}, new double[] {1, 2.1, 4.3, 8.8});

        assertThat(fit.sigma()).isGreaterThanOrEqualTo(0);
        assertThat(fit.kappa()).isGreaterThanOrEqualTo(0);
    }

    @Test
    void peaksWhereTheLawSays() {
        UslFit fit = new UslFit(0.04, 0.0016, 0, 1);

        assertThat(fit.peakProcessors()).isCloseTo(Math.sqrt(0.96 / 0.0016), within(1e-9));
        assertThat(new UslFit(0.1, 0, 0, 1).peakProcessors()).isInfinite();
    }

    @Test
    void needsTwoPoints() {
        assertThatThrownBy(() -> UslFit.fit(new double[] {1}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 2");
    }

    private static double[] speedups(double sigma, double kappa, double noise, long seed) {
        Random random = new Random(seed);
        double[] speedups = new double[N.length];
        for (int i = 0; i < N.length; i++) {
            speedups[i] = UslFit.speedup(sigma, kappa, N[i]) * (1 + noise * random.nextGaussian());
        }
        return speedups;
    }
}
