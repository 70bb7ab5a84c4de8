package mq.lab.chaos;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import mq.common.protocol.Topics;
import mq.launcher.ChildProcess;

/**
 * Fires one fault into a running job when the producer has sent a chosen number of its chunks (or,
 * for a fault that need not hit the producer, when it has finished). Runs on a thread of its own,
 * so that a slow fault (a broker restart) does not stop the lab from watching the job.
 */
final class FaultInjector implements Runnable {
    /** When the fault fired (epoch ms) and what exactly was done. */
    record Fired(long at, String detail) {
    }

    /** What the fault needs to reach. */
    record Targets(JobProcesses roles, BrokerControl brokers, MessageFaults messages, TopicWindow chunks, Topics topics,
                   ProgressLog progress, String job) {
    }

    private static final long POLL_MILLIS = 50;

    private final FaultKind fault;
    private final int triggerChunks;
    private final int victim;
    private final ChaosSettings settings;
    private final Targets targets;
    private final BooleanSupplier jobOver;
    private volatile Fired fired;
    private volatile String missed;
    private volatile RuntimeException error;

    /**
     * @param triggerChunks fire once this many chunks are produced
     * @param victim        which worker (index) a worker fault hits
     * @param jobOver       true once the job's final report has come
     */
    FaultInjector(FaultKind fault, int triggerChunks, int victim, ChaosSettings settings, Targets targets,
                  BooleanSupplier jobOver) {
        this.fault = fault;
        this.triggerChunks = triggerChunks;
        this.victim = victim;
        this.settings = settings;
        this.targets = targets;
        this.jobOver = jobOver;
    }

    @Override
    public void run() {
        if (fault == FaultKind.NONE) {
            return;
        }
        try (TopicWindow.Counter produced = targets.chunks().counter()) {
            while (produced.count() < triggerChunks && !producerDone()) {
                if (jobOver.getAsBoolean()) {
                    missed = "the job ended before the fault's point (" + triggerChunks + " chunks produced)";
                    return;
                }
                Thread.sleep(POLL_MILLIS);
            }
            if (producerDone() && fault.stage() == FaultKind.Stage.WHILE_PRODUCING) {
                missed = "the producer finished before the fault's point (" + triggerChunks + " chunks produced)";
                return;
            }
            long at = System.currentTimeMillis();
            String detail = inject();
            fired = new Fired(at, detail);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | IOException e) {
            error = e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private boolean producerDone() {
        return targets.roles().producer().map(p -> !p.isAlive()).orElse(false);
    }

    private String inject() throws IOException, InterruptedException {
        JobProcesses roles = targets.roles();
        return switch (fault) {
            case NONE -> "no fault";
            case KILL_WORKER -> {
                ChildProcess worker = roles.workers().get(victim);
                roles.kill(worker);
                yield worker.name() + " (pid " + worker.pid() + ") killed (SIGKILL)";
            }
            case FREEZE_WORKER -> {
                ChildProcess worker = roles.workers().get(victim);
                Signals.freeze(worker.pid());
                Thread.sleep(settings.freeze().toMillis());
                Signals.resume(worker.pid());
                yield worker.name() + " (pid " + worker.pid() + ") frozen (SIGSTOP) for " + settings.freeze().toSeconds()
                        + " s, then resumed (SIGCONT)";
            }
            case RESTART_AGGREGATOR -> {
                long old = roles.aggregator().pid();
                ChildProcess next = roles.restartAggregator();
                yield "aggregator (pid " + old + ") killed (SIGKILL), a new one (pid " + next.pid() + ") started in its group";
            }
            case KILL_PRODUCER -> {
                ChildProcess producer = roles.producer().orElseThrow();
                roles.kill(producer);
                yield "producer (pid " + producer.pid() + ") killed (SIGKILL) after " + triggerChunks + " chunks";
            }
            case KILL_LEADER -> targets.brokers().killLeader(targets.topics().partials(), 0);
            case RESTART_BROKER -> targets.brokers().restartOne();
            case DUPLICATE_CHUNKS -> {
                int copies = targets.messages().duplicateChunks(targets.chunks(), targets.job(), Math.max(3, triggerChunks / 4));
                yield copies + " chunks sent again";
            }
            case POISON -> {
                Topics t = targets.topics();
                List<String> topics = List.of(t.chunks(), t.partials(), t.jobs(), t.results(), t.workers());
                int sent = targets.messages().poison(topics);
                yield sent + " malformed messages (garbage, empty, {}, a tombstone) on " + topics.size() + " topics";
            }
        };
    }

    Optional<Fired> fired() {
        return Optional.ofNullable(fired);
    }

    /** Why the fault did not fire: too late, or it failed itself. */
    Optional<String> notFired() {
        if (error != null) {
            return Optional.of("the fault could not be injected: " + error.getMessage());
        }
        return Optional.ofNullable(missed);
    }
}
