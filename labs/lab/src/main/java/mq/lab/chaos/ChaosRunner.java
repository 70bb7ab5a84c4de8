package mq.lab.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicBoolean;
import mq.common.protocol.JobReport;
import mq.common.protocol.Topics;
import mq.lab.scale.LabInput;
import mq.lab.scale.ResultDigest;
import mq.launcher.JobIds;
import mq.launcher.ResultWatcher;

/** Runs one job with one fault and judges what came out. */
final class ChaosRunner {
    /** What every run is compared with: the in-process digest, the job's chunks, the fault-free runs' time. */
    record Reference(String digest, int chunks, long endToEndMs) {
    }

    /** A run's row and its progress over time. */
    record Result(FaultRun row, Timeline timeline) {
    }

    /** Thrown from the watcher's check when a role the job needs is gone for good. */
    private static final class DeadEnd extends RuntimeException {
        DeadEnd(String reason) {
            super(reason);
        }
    }

    private final ChaosSetup setup;
    private final MessageFaults messages;

    ChaosRunner(ChaosSetup setup) {
        this.setup = setup;
        this.messages = new MessageFaults(setup.client());
    }

    Result run(FaultKind fault, int run, LabInput input, Reference reference, Path dir) throws IOException, InterruptedException {
        Optional<String> cannot = setup.brokers().cannot(fault);
        if (cannot.isPresent()) {
            return new Result(new FaultRun(fault.optionName(), run, Outcome.SKIPPED.label(), true, cannot.get(), "",
                    -1, -1, -1, 0, 0, 0, 0, 0, 0, "", dir.toString()), null);
        }
        setup.brokers().heal();
        Topics topics = setup.topics();
        ChaosSettings settings = setup.settings();
        TopicWindow partials = TopicWindow.open(setup.client(), topics.partials());
        TopicWindow chunks = TopicWindow.open(setup.client(), topics.chunks());
        TopicWindow dead = TopicWindow.open(setup.client(), topics.dead());
        Random random = new Random(settings.seed() * 31 + fault.ordinal() * 1009L + run);
        // Somewhere in the middle: late enough that work is in flight, early enough that much remains.
        double point = 0.25 + 0.35 * random.nextDouble();
        int trigger = Math.max(1, (int) Math.round(point * reference.chunks()));
        String job = JobIds.next();
        ProgressLog progress = new ProgressLog();
        AtomicBoolean over = new AtomicBoolean();
        JobReport report = null;
        String failure = null;
        boolean hung = false;
        String crashed;
        FaultInjector injector;
        Thread injecting;
        try (JobProcesses roles = new JobProcesses(setup.client(), setup.kafkaArguments(), topics, setup.chunkPartitions(),
                settings, dir)) {
            roles.startRoles();
            injector = new FaultInjector(fault, trigger, random.nextInt(settings.workers()), settings,
                    new FaultInjector.Targets(roles, setup.brokers(), messages, chunks, topics, progress, job), over::get);
            injecting = new Thread(injector, "chaos-" + fault.optionName());
            try (ResultWatcher watcher = new ResultWatcher(setup.client(), topics.results())) {
                injecting.start();
                roles.startProducer(new JobProcesses.Job(job, input, settings.chunkSize()));
                report = watcher.await(job, settings.deadline(),
                        p -> progress.add(new ProgressLog.Sample(p.at(), p.mergedChunks(), p.records())),
                        () -> roles.deadEnd().ifPresent(reason -> {
                            throw new DeadEnd(reason);
                        }));
            } catch (DeadEnd e) {
                failure = e.getMessage();
            } catch (IllegalStateException e) {
                if (!e.getMessage().startsWith("no result")) {
                    throw e;
                }
                hung = true;
            } finally {
                over.set(true);
                injecting.join();
            }
            crashed = String.join("; ", roles.crashed());
        } finally {
            setup.brokers().heal();
        }
        long endedAt = report != null ? report.finishedAt() : System.currentTimeMillis();
        long startedAt = report != null && report.startedAt() > 0 ? report.startedAt()
                : progress.samples().stream().mapToLong(ProgressLog.Sample::at).min().orElse(endedAt);
        Optional<FaultInjector.Fired> fired = injector.fired();
        long faultAt = fired.map(FaultInjector.Fired::at).orElse(-1L);
        Timeline timeline = new Timeline(fault.optionName(), run, startedAt, faultAt, endedAt, progress.samples());

        Outcome outcome;
        String reason;
        String digest = "";
        if (hung) {
            outcome = Outcome.HUNG;
            reason = "no final report within " + settings.deadline().toSeconds() + " s";
        } else if (failure != null) {
            outcome = Outcome.FAILED;
            reason = failure;
        } else if (!report.succeeded()) {
            outcome = Outcome.FAILED;
            reason = report.error();
        } else {
            digest = ResultDigest.ofRun(report, dir);
            boolean exact = report.verified() && digest.equals(reference.digest());
            outcome = exact ? Outcome.EXACT : Outcome.WRONG;
            reason = exact ? "" : (report.verified() ? "" : "not verified; ") + digest + " but in process: " + reference.digest();
        }
        boolean injected = fired.isPresent();
        // A role that died on its own (not the fault's victim) is a failure even if the job was not hurt by it.
        String detail = fired.map(FaultInjector.Fired::detail).orElse(fault == FaultKind.NONE ? ""
                : "not injected: " + injector.notFired().orElse("unknown"));
        boolean mustFail = fault.mustFail() && injected;
        boolean expected = crashed.isEmpty() && (mustFail ? outcome == Outcome.FAILED && reason != null && !reason.isBlank()
                : outcome == Outcome.EXACT);
        if (!crashed.isEmpty()) {
            reason = (reason == null || reason.isBlank() ? "" : reason + "; ") + crashed;
        }
        long endToEnd = endedAt - startedAt;
        long recovery = injected && outcome != Outcome.HUNG ? Recovery.stallMillis(progress.samples(), faultAt, endedAt) : -1;
        int jobChunks = report != null && report.succeeded() ? report.chunks() : reference.chunks();
        long sentPartials = partials.countKeyed(job);
        long redone = report != null && report.succeeded() ? Math.max(0, sentPartials - report.chunks()) : 0;
        FaultRun row = new FaultRun(fault.optionName(), run, outcome.label(), expected, reason == null ? "" : reason,
                detail, injected ? faultAt - startedAt : -1, endToEnd, recovery,
                reference.endToEndMs() > 0 ? endToEnd - reference.endToEndMs() : 0, jobChunks, sentPartials, redone,
                report == null ? 0 : report.duplicatesIgnored(), dead.count(), digest, dir.toString());
        return new Result(row, timeline);
    }
}
