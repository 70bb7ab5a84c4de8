package mq.worker.reduce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BusyWorkTest {
    @Test
    void noWorkIsTheSharedNoOp() {
        assertThat(BusyWork.of(0, 0)).isSameAs(BusyWork.NONE);
    }

    @Test
    void aCalibrationIsAPositiveRate() {
        assertThat(BusyWork.iterationsPerMicro()).isPositive();
    }

    @Test
    void negativeWorkOrAMissingCalibrationIsRefused() {
        assertThatThrownBy(() -> BusyWork.of(-1, 100)).hasMessageContaining("0 or more microseconds");
        assertThatThrownBy(() -> BusyWork.of(10, 0)).hasMessageContaining("calibration");
    }
}
