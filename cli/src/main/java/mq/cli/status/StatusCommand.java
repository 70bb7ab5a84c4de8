package mq.cli.status;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import mq.cli.options.Bootstrap;
import mq.cli.options.KafkaOptions;
import mq.common.kafka.ClientSettings;
import mq.common.kafka.DeadLetter;
import mq.common.kafka.TopicTail;
import mq.common.protocol.Json;
import mq.common.protocol.JobReport;
import mq.common.protocol.MalformedMessageException;
import mq.common.protocol.ResultMessage;
import mq.common.protocol.Terminal;
import mq.common.protocol.Topics;
import mq.common.protocol.WorkerHeartbeat;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mq status}: what the cluster is doing now: jobs in flight, live workers, consumer lag. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows jobs in flight with their progress, recent jobs, live workers (heartbeat, assigned "
                + "partitions) and the consumer lag of each worker group.")
public final class StatusCommand implements Callable<Integer> {
    @Mixin
    KafkaOptions kafka;

    @Option(names = "--stale", paramLabel = "SECONDS", defaultValue = "30",
            description = "Workers silent for longer than this are not shown (default ${DEFAULT-VALUE}).")
    long staleSeconds;

    @Override
    public Integer call() throws Exception {
        String bootstrap = Bootstrap.existing(kafka);
        ClientSettings settings = kafka.settings(bootstrap);
        Topics topics = kafka.topics();
        long now = System.currentTimeMillis();
        System.out.println("cluster " + bootstrap + ", topics " + topics.chunks() + " …");
        printJobs(settings, topics, now);
        printLatestDeadLetter(settings, topics, now);
        try (Admin admin = Admin.create(settings.admin("mq-status"))) {
            Map<String, List<String>> assignments = printGroups(admin, topics);
            printWorkers(settings, topics, assignments);
        }
        return 0;
    }

    private void printJobs(ClientSettings settings, Topics topics, long now) {
        Map<String, ResultMessage> latest = new LinkedHashMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicTail.last(settings, topics.results(), 2000)) {
            try {
                ResultMessage message = Json.decode(record.value(), ResultMessage.class);
                if (message == null || message.job() == null) {
                    continue;
                }
                latest.remove(message.job());
                latest.put(message.job(), message);
            } catch (MalformedMessageException e) {
                // not a message of ours; status only reports what it understands
            }
        }
        List<ResultMessage.Progress> inFlight = latest.values().stream()
                .filter(m -> m instanceof ResultMessage.Progress p && now - p.at() < Duration.ofMinutes(10).toMillis())
                .map(ResultMessage.Progress.class::cast).toList();
        System.out.println("\nJobs in flight: " + (inFlight.isEmpty() ? "none" : ""));
        for (ResultMessage.Progress p : inFlight) {
            String total = p.expectedChunks() < 0 ? "? (still producing)" : Integer.toString(p.expectedChunks());
            String percent = p.expectedChunks() > 0 ? String.format(" (%d%%)", 100L * p.mergedChunks() / p.expectedChunks()) : "";
            System.out.printf("  %-28s %,d / %s chunks merged%s, %,d records, updated %.1f s ago%n", Terminal.escape(p.job()),
                    p.mergedChunks(), total, percent, p.records(), (now - p.at()) / 1000.0);
        }
        List<JobReport> finished = latest.values().stream()
                .filter(ResultMessage.Final.class::isInstance).map(m -> ((ResultMessage.Final) m).report())
                .filter(r -> r != null && r.timings() != null).toList();
        System.out.println("\nRecent jobs:" + (finished.isEmpty() ? " none" : ""));
        for (JobReport report : finished.subList(Math.max(0, finished.size() - 5), finished.size())) {
            System.out.printf("  %-28s %-9s %-12s %,12d records  %,8d ms  %d workers%n", Terminal.escape(report.job()), report.status(),
                    report.verified() ? "verified" : "not verified", report.count(), report.timings().endToEndMs(), report.workers());
        }
    }

    /** The newest message some role refused: the first place to look when a job failed for a broken message. */
    private void printLatestDeadLetter(ClientSettings settings, Topics topics, long now) {
        List<ConsumerRecord<byte[], byte[]>> dead = TopicTail.last(settings, topics.dead(), 1);
        if (dead.isEmpty()) {
            System.out.println("\nDead letters: none");
            return;
        }
        DeadLetter letter = DeadLetter.from(dead.get(dead.size() - 1));
        System.out.printf("%nDead letters: %,d in %s; the latest, %.0f s ago:%n  %s%n", dead.get(dead.size() - 1).offset() + 1,
                topics.dead(), (now - letter.at()) / 1000.0, letter.describe());
    }

    /** Prints each worker group's state and lag; returns assigned partitions by client id. */
    private Map<String, List<String>> printGroups(Admin admin, Topics topics) throws Exception {
        Map<String, List<String>> assignments = new HashMap<>();
        Collection<GroupListing> groups = admin.listGroups().all().get(10, TimeUnit.SECONDS);
        List<String> workerGroups = groups.stream().map(GroupListing::groupId)
                .filter(id -> id.startsWith("mq-workers")).sorted().toList();
        System.out.println("\nWorker groups:" + (workerGroups.isEmpty() ? " none" : ""));
        if (workerGroups.isEmpty()) {
            return assignments;
        }
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topics.chunks())).allTopicNames().get(10, TimeUnit.SECONDS).get(topics.chunks())
                .partitions().forEach(p -> latest.put(new TopicPartition(topics.chunks(), p.partition()), OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS);
        Map<String, ConsumerGroupDescription> described = new TreeMap<>();
        for (String group : workerGroups) {
            try {
                described.put(group, admin.describeConsumerGroups(List.of(group)).describedGroups().get(group).get(10, TimeUnit.SECONDS));
            } catch (java.util.concurrent.ExecutionException e) {
                System.out.printf("  %-28s (a share group or not describable: %s)%n", group, e.getCause().getMessage());
            }
        }
        for (Map.Entry<String, ConsumerGroupDescription> entry : described.entrySet()) {
            ConsumerGroupDescription group = entry.getValue();
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(entry.getKey())
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long lag = 0;
            for (Map.Entry<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> end : ends.entrySet()) {
                OffsetAndMetadata done = committed.get(end.getKey());
                if (done != null) {
                    lag += Math.max(0, end.getValue().offset() - done.offset());
                }
            }
            System.out.printf("  %-34s %-8s %2d members, lag %,d chunks%n", entry.getKey(), group.groupState(),
                    group.members().size(), lag);
            for (MemberDescription member : group.members()) {
                assignments.put(member.clientId(), member.assignment().topicPartitions().stream()
                        .map(TopicPartition::partition).sorted().map(String::valueOf).toList());
            }
        }
        return assignments;
    }

    private void printWorkers(ClientSettings settings, Topics topics, Map<String, List<String>> assignments) {
        Map<String, WorkerHeartbeat> beats = new TreeMap<>();
        for (ConsumerRecord<byte[], byte[]> record : TopicTail.last(settings, topics.workers(), 5000)) {
            try {
                WorkerHeartbeat beat = Json.decode(record.value(), WorkerHeartbeat.class);
                if (beat != null && beat.worker() != null && beat.groupType() != null) {
                    beats.put(beat.worker(), beat);
                }
            } catch (MalformedMessageException e) {
                // not ours
            }
        }
        long now = System.currentTimeMillis();
        List<WorkerHeartbeat> live = beats.values().stream()
                .filter(b -> now - b.at() < staleSeconds * 1000).toList();
        System.out.println("\nLive workers:" + (live.isEmpty() ? " none" : ""));
        for (WorkerHeartbeat beat : live) {
            List<String> partitions = assignments.get(beat.worker());
            System.out.printf("  %-14s %-8s %-34s %d thread(s) %,8d chunks  heartbeat %.1f s ago  partitions %s%n",
                    Terminal.escape(beat.worker()), beat.groupType(), Terminal.escape(beat.group()), beat.threads(), beat.chunksDone(),
                    (now - beat.at()) / 1000.0, partitions == null ? (beat.groupType().equals("share") ? "(shared)" : "-")
                            : partitions.stream().collect(Collectors.joining(",")));
        }
    }
}
