package mq.cli.broker;

import java.time.Duration;
import java.util.Properties;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.KafkaShareConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * A group member that polls until it is killed, for tests that SIGKILL it. Prints {@code assigned}
 * (consumer group) or {@code acquired N} (share group, records held without acknowledging) once.
 *
 * <pre>GroupMemberMain consumer|share BOOTSTRAP TOPIC GROUP</pre>
 */
public final class GroupMemberMain {

    private GroupMemberMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        String kind = args[0];
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, args[1]);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, args[3]);
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        Set<String> topics = Set.of(args[2]);
        if (kind.equals("consumer")) {
            props.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "consumer");
            try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props)) {
                consumer.subscribe(topics);
                boolean reported = false;
                while (true) {
                    consumer.poll(Duration.ofMillis(200));
                    if (!reported && !consumer.assignment().isEmpty()) {
                        System.out.println("assigned");
                        reported = true;
                    }
                }
            }
        }
        // Explicit acknowledgement and never acknowledging: the records stay acquired by this member.
        props.put(ConsumerConfig.SHARE_ACKNOWLEDGEMENT_MODE_CONFIG, "explicit");
        try (KafkaShareConsumer<String, String> consumer = new KafkaShareConsumer<>(props)) {
            consumer.subscribe(topics);
            int held = 0;
            while (held == 0) {
                held = consumer.poll(Duration.ofMillis(200)).count();
            }
            System.out.println("acquired " + held);
            // Polling again without acknowledging would fail; the client heartbeats in the background.
            new CountDownLatch(1).await();
        }
    }
}
