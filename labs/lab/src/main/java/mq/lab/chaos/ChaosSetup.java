package mq.lab.chaos;

import java.util.List;
import mq.common.kafka.ClientSettings;
import mq.common.protocol.Topics;

/** Where the lab's jobs run: the cluster, its topics, the brokers the lab may hurt, and how to run. */
public record ChaosSetup(ClientSettings client, List<String> kafkaArguments, Topics topics, int chunkPartitions,
                         BrokerControl brokers, ChaosSettings settings) {
    public ChaosSetup {
        kafkaArguments = List.copyOf(kafkaArguments);
    }
}
