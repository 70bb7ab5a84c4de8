package mq.lab.chaos;

import mq.common.protocol.Topics;

/** Topic names the lab needs beyond the five the roles share. */
final class ChaosTopics {
    private ChaosTopics() {
    }

    /** {@code <prefix>dead}: where the roles put messages they cannot use. */
    static String deadLetters(Topics topics) {
        String chunks = topics.chunks();
        return chunks.substring(0, chunks.length() - "chunks".length()) + "dead";
    }
}
