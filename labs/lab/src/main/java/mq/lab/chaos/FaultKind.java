package mq.lab.chaos;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Every failure the lab can inject into a running job, and what a correct system does about it. */
public enum FaultKind {
    NONE("none", Stage.WHILE_RUNNING, false, false,
            "no fault: the reference run each faulty run is compared with"),
    KILL_WORKER("kill-worker", Stage.WHILE_RUNNING, false, false,
            "SIGKILL one worker; the group gives its partitions to the others, which redo its uncommitted chunks"),
    FREEZE_WORKER("freeze-worker", Stage.WHILE_RUNNING, false, false,
            "SIGSTOP one worker past the session timeout, then SIGCONT: the group has moved on, and what it finishes is a duplicate"),
    RESTART_AGGREGATOR("restart-aggregator", Stage.WHILE_RUNNING, false, false,
            "SIGKILL the aggregator and start a new one in its group: it re-reads the job's uncommitted messages"),
    KILL_PRODUCER("kill-producer", Stage.WHILE_PRODUCING, true, false,
            "SIGKILL the producer half way through the file: the job can never complete and must fail, saying why"),
    KILL_LEADER("kill-leader", Stage.WHILE_RUNNING, false, true,
            "SIGKILL the broker that leads the partials topic (needs --nodes 3): another replica takes over"),
    RESTART_BROKER("restart-broker", Stage.WHILE_RUNNING, false, true,
            "stop one broker (the only one with --nodes 1) and start it again; clients wait and reconnect"),
    DUPLICATE_CHUNKS("duplicate-chunks", Stage.WHILE_RUNNING, false, false,
            "send copies of chunks already produced: workers reduce them again and the aggregator drops the copies"),
    POISON("poison", Stage.WHILE_RUNNING, false, false,
            "a malformed message (garbage, an empty value, {}) on every topic: skipped or dead-lettered, the job unharmed");

    /**
     * When the fault may fire. Every fault aims at a point of the file being produced (then chunks are
     * in every stage of the pipeline); one that only makes sense while the producer runs is missed
     * when the producer finishes first, any other fires then at the latest.
     */
    public enum Stage {
        WHILE_PRODUCING, WHILE_RUNNING
    }

    private final String optionName;
    private final Stage stage;
    private final boolean mustFail;
    private final boolean needsLocalBroker;
    private final String description;

    FaultKind(String optionName, Stage stage, boolean mustFail, boolean needsLocalBroker, String description) {
        this.optionName = optionName;
        this.stage = stage;
        this.mustFail = mustFail;
        this.needsLocalBroker = needsLocalBroker;
        this.description = description;
    }

    public String optionName() {
        return optionName;
    }

    public Stage stage() {
        return stage;
    }

    /** The job cannot complete after this fault: the right outcome is a failure with a clear reason. */
    public boolean mustFail() {
        return mustFail;
    }

    /** Needs a broker process of the lab's own (not a --bootstrap cluster). */
    public boolean needsLocalBroker() {
        return needsLocalBroker;
    }

    public String description() {
        return description;
    }

    /** Every fault, NONE left out. */
    public static List<FaultKind> faults() {
        return Arrays.stream(values()).filter(f -> f != NONE).toList();
    }

    /** {@code all}, or a comma-separated list of option names. */
    public static List<FaultKind> parse(String text) {
        if (text.isBlank() || text.trim().equalsIgnoreCase("all")) {
            return faults();
        }
        List<FaultKind> faults = new ArrayList<>();
        for (String name : text.split(",")) {
            String wanted = name.trim().toLowerCase(Locale.ROOT);
            faults.add(Arrays.stream(values()).filter(f -> f.optionName.equals(wanted)).findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("unknown fault '" + name.trim() + "'; the faults are: all, "
                            + faults().stream().map(FaultKind::optionName).collect(Collectors.joining(", ")))));
        }
        return faults.stream().distinct().toList();
    }
}
