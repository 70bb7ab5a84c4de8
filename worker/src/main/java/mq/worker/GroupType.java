package mq.worker;

/** How workers share the chunks of a topic. */
public enum GroupType {
    /** A classic consumer group: each partition belongs to one member; at most as many busy workers as partitions. */
    CONSUMER,
    /** A share group (KIP-932): chunks are handed out one by one, to any number of members, with no ordering. */
    SHARE;

    public String optionName() {
        return name().toLowerCase();
    }
}
