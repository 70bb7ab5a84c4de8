package mq.lab.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FaultKindTest {

    @Test
    void allMeansEveryFaultButNone() {
        assertThat(FaultKind.parse("all")).hasSize(FaultKind.values().length - 1).doesNotContain(FaultKind.NONE);
    }

    @Test
    void aListKeepsItsOrderAndDropsRepeats() {
        assertThat(FaultKind.parse("poison, kill-worker,poison"))
                .containsExactly(FaultKind.POISON, FaultKind.KILL_WORKER);
    }

    @Test
    void anUnknownFaultNamesTheKnownOnes() {
        assertThatThrownBy(() -> FaultKind.parse("kill-everything"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("kill-everything").hasMessageContaining("kill-leader").hasMessageContaining("poison");
    }

    @Test
    void onlyTheKilledProducerMustFailTheJob() {
        assertThat(FaultKind.values()).filteredOn(FaultKind::mustFail).containsExactly(FaultKind.KILL_PRODUCER);
        assertThat(FaultKind.KILL_PRODUCER.stage()).isEqualTo(FaultKind.Stage.WHILE_PRODUCING);
    }

    @Test
    void brokerFaultsNeedABrokerOfTheLabsOwn() {
        assertThat(FaultKind.values()).filteredOn(FaultKind::needsLocalBroker)
                .containsExactlyInAnyOrder(FaultKind.KILL_LEADER, FaultKind.RESTART_BROKER);
        assertThat(new BrokerControl.External("h:1").cannot(FaultKind.KILL_WORKER)).isEmpty();
        assertThat(new BrokerControl.External("h:1").cannot(FaultKind.RESTART_BROKER)).hasValueSatisfying(
                why -> assertThat(why).contains("--bootstrap"));
    }
}
