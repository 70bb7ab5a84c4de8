package mq.common.exact;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ExactSumTest {

    private static final BigDecimal MAX = BigDecimal.valueOf(Long.MAX_VALUE);
    private static final BigDecimal MIN = BigDecimal.valueOf(Long.MIN_VALUE);

    @Test
    void emptySumIsZero() {
        assertThat(new ExactSum().value()).isEqualByComparingTo("0");
    }

    @Test
    void smallIntegersAddUp() {
        ExactSum sum = new ExactSum();

        sum.add(1);
        sum.add(-5);
        sum.add(40);

        assertThat(sum.value()).isEqualByComparingTo("36");
    }

    @Test
    void maxValuePlusOneSpillsInsteadOfWrappingAround() {
        ExactSum sum = new ExactSum();

        sum.add(Long.MAX_VALUE);
        sum.add(1);

        assertThat(sum.value()).isEqualByComparingTo(MAX.add(BigDecimal.ONE));
    }

    @Test
    void minValueMinusOneSpillsInsteadOfWrappingAround() {
        ExactSum sum = new ExactSum();

        sum.add(Long.MIN_VALUE);
        sum.add(-1);

        assertThat(sum.value()).isEqualByComparingTo(MIN.subtract(BigDecimal.ONE));
    }

    @Test
    void manyLargeValuesOverflowRepeatedly() {
        ExactSum sum = new ExactSum();

        for (int i = 0; i < 10; i++) {
            sum.add(Long.MAX_VALUE);
        }

        assertThat(sum.value()).isEqualByComparingTo(MAX.multiply(BigDecimal.TEN));
    }

    @Test
    void oppositeExtremesCancelWithoutSpilling() {
        ExactSum sum = new ExactSum();

        sum.add(Long.MAX_VALUE);
        sum.add(Long.MIN_VALUE);
        sum.add(1);

        assertThat(sum.value()).isEqualByComparingTo("0");
    }

    @Test
    void decimalsMixWithSpilledIntegersExactly() {
        ExactSum sum = new ExactSum();

        sum.add(new BigDecimal("0.1"));
        sum.add(Long.MAX_VALUE);
        sum.add(new BigDecimal("0.2"));
        sum.add(Long.MAX_VALUE);
        sum.add(new BigDecimal("-0.3"));

        assertThat(sum.value()).isEqualByComparingTo(MAX.multiply(BigDecimal.valueOf(2)));
    }

    @Test
    void addingAnotherSumAddsBothOfItsParts() {
        ExactSum left = new ExactSum();
        left.add(Long.MAX_VALUE);
        left.add(new BigDecimal("1.5"));
        ExactSum right = new ExactSum();
        right.add(Long.MAX_VALUE);
        right.add(Long.MAX_VALUE);
        right.add(new BigDecimal("0.25"));

        left.add(right);

        assertThat(left.value()).isEqualByComparingTo(MAX.multiply(BigDecimal.valueOf(3)).add(new BigDecimal("1.75")));
    }
}
