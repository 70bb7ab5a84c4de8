package mq.lab.kernels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SlicesTest {

    @ParameterizedTest
    @CsvSource({"0, 1", "0, 4", "3, 8", "10, 3", "1000000, 24", "1000001, 7", "2147483639, 24"})
    void slicesCoverTheRangeContiguouslyAndEvenly(int size, int parts) {
        int expectedFrom = 0;
        int shortest = Integer.MAX_VALUE;
        int longest = 0;
        for (int i = 0; i < parts; i++) {
            Slices.Slice slice = Slices.of(size, parts, i);

            assertThat(slice.from()).isEqualTo(expectedFrom);
            assertThat(slice.to()).isGreaterThanOrEqualTo(slice.from());
            expectedFrom = slice.to();
            shortest = Math.min(shortest, slice.length());
            longest = Math.max(longest, slice.length());
        }
        assertThat(expectedFrom).isEqualTo(size);
        assertThat(longest - shortest).isLessThanOrEqualTo(1);
    }

    @Test
    void rejectsImpossibleSlices() {
        assertThatThrownBy(() -> Slices.of(10, 0, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slices.of(10, 2, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Slices.of(-1, 2, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
