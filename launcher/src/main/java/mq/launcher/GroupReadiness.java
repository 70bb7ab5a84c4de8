package mq.launcher;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;
import mq.common.kafka.PositionsOnAssign;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RetriableException;

/** Asks the broker whether a consumer group is ready: enough members, and a committed offset on every partition. */
public final class GroupReadiness {
    private final Admin admin;

    public GroupReadiness(Admin admin) {
        this.admin = admin;
    }

    /**
     * @param assignedPartitions partitions of the topics some member currently owns
     * @param idleMembers        members that own none of them
     */
    public record State(int members, int committedPartitions, int partitions, int assignedPartitions, int idleMembers) {
        /**
         * Enough members, a committed offset on every partition, and the partitions spread: each
         * owned, and no member idle while there are enough partitions to go round. Under the
         * incremental protocol members join before they own anything, so counting them is not enough.
         */
        public boolean readyFor(int wantedMembers) {
            boolean spread = assignedPartitions == partitions && (members > partitions || idleMembers == 0);
            return members >= wantedMembers && committedPartitions == partitions && spread;
        }
    }

    public State state(String group, Collection<String> topics) {
        try {
            Map<String, TopicDescription> described = admin.describeTopics(topics).allTopicNames().get(10, TimeUnit.SECONDS);
            Set<TopicPartition> partitions = described.values().stream()
                    .flatMap(d -> d.partitions().stream().map(p -> new TopicPartition(d.name(), p.partition())))
                    .collect(Collectors.toSet());
            Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
            long committedCount = partitions.stream().filter(p -> committed.get(p) != null).count();
            ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).describedGroups().get(group)
                    .get(10, TimeUnit.SECONDS);
            int assigned = 0;
            int idle = 0;
            for (MemberDescription member : description.members()) {
                long owned = member.assignment().topicPartitions().stream().filter(partitions::contains).count();
                assigned += (int) owned;
                if (owned == 0) {
                    idle++;
                }
            }
            return new State(description.members().size(), (int) committedCount, partitions.size(), assigned, idle);
        } catch (ExecutionException | TimeoutException e) {
            return new State(0, 0, -1, 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while asking for group " + group, e);
        }
    }

    /**
     * Makes a new share group start at the current end of {@code topic}. A share group's default
     * start ("latest") is only fixed when a member first fetches, so a chunk produced before that
     * could be skipped; setting the offsets up front closes the gap (as PositionsOnAssign does for
     * consumer groups).
     */
    public void startShareGroupAtEnd(String group, String topic) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (true) {
            try {
                trySetShareGroupStart(group, topic);
                return;
            } catch (IllegalStateException e) {
                // A topic created a moment ago may not be known to the group coordinator yet: that is retriable.
                if (!(e.getCause() instanceof ExecutionException cause && cause.getCause() instanceof RetriableException)
                        || System.nanoTime() > deadline) {
                    throw e;
                }
                pause(group);
            }
        }
    }

    private void trySetShareGroupStart(String group, String topic) {
        try {
            TopicDescription description = admin.describeTopics(List.of(topic)).allTopicNames().get(10, TimeUnit.SECONDS).get(topic);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            description.partitions().forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
            Map<TopicPartition, Long> ends = new HashMap<>();
            admin.listOffsets(latest).all().get(10, TimeUnit.SECONDS).forEach((tp, info) -> ends.put(tp, info.offset()));
            admin.alterShareGroupOffsets(group, ends).all().get(10, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot set the start of share group " + group + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while preparing share group " + group, e);
        }
    }

    /**
     * Waits until a share group has {@code members} members that each own a partition. A member is
     * listed as soon as it joins but gets its partitions only with a later heartbeat; a job produced
     * before then is taken by the members that were quicker, and the late one sits idle through it.
     */
    public void awaitShareMembers(String group, int members, Duration timeout, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        int seen = 0;
        while (true) {
            try {
                seen = (int) admin.describeShareGroups(List.of(group)).describedGroups().get(group)
                        .get(10, TimeUnit.SECONDS).members().stream()
                        .filter(member -> !member.assignment().topicPartitions().isEmpty())
                        .count();
            } catch (ExecutionException | TimeoutException e) {
                seen = 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for share group " + group, e);
            }
            if (seen >= members) {
                return;
            }
            check.run();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("share group " + group + " not ready after " + timeout.toSeconds()
                        + " s: " + seen + " of " + members + " members own a partition");
            }
            pause(group);
        }
    }

    private static void pause(String group) {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for group " + group, e);
        }
    }

    /** Polls {@link #state} until the group is ready or {@code timeout} passes; {@code check} may throw to give up early. */
    public State await(String group, Collection<String> topics, int members, Duration timeout, Runnable check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        State state = state(group, topics);
        while (!state.readyFor(members)) {
            check.run();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("group " + group + " not ready after " + timeout.toSeconds() + " s: "
                        + state.members() + " of " + members + " members, offsets committed on "
                        + state.committedPartitions() + " of " + state.partitions() + " partitions, "
                        + state.assignedPartitions() + " assigned, " + state.idleMembers() + " member(s) without any");
            }
            pause(group);
            state = state(group, topics);
        }
        return state;
    }
}
