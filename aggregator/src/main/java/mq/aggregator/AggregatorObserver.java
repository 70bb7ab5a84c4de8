package mq.aggregator;

import java.util.List;
import java.util.function.Consumer;
import mq.common.protocol.JobEvent;
import mq.common.protocol.JobReport;
import mq.common.protocol.Partial;

/**
 * Sees what the aggregator merges, as it merges it, on the aggregator's own thread (e.g. the live
 * page's model). Implementations must be quick and must not throw: they run inside the poll loop.
 */
public interface AggregatorObserver {
    AggregatorObserver NONE = new AggregatorObserver() { };

    /** A job event the aggregator accepted (of a job not finished yet). */
    default void jobEvent(JobEvent event, long now) {
    }

    /**
     * A partial the aggregator handled.
     *
     * @param first {@code true} when it was merged, {@code false} for a duplicate of a chunk merged before
     */
    default void partial(Partial partial, boolean first, long now) {
    }

    /** A job's final report, once published. */
    default void finished(JobReport report) {
    }

    /**
     * The aggregator replaced a failed consumer and forgot these jobs in flight: their events and
     * partials come again, as after a restart, and must not be counted twice.
     */
    default void inFlightForgotten(List<String> jobs) {
    }

    /** Sees only the final reports, e.g. to serve them over HTTP. */
    static AggregatorObserver reports(Consumer<JobReport> listener) {
        return new AggregatorObserver() {
            @Override
            public void finished(JobReport report) {
                listener.accept(report);
            }
        };
    }

    /** Tells {@code first}, then {@code second}. */
    static AggregatorObserver both(AggregatorObserver first, AggregatorObserver second) {
        if (first == NONE) {
            return second;
        }
        return new AggregatorObserver() {
            @Override
            public void jobEvent(JobEvent event, long now) {
                first.jobEvent(event, now);
                second.jobEvent(event, now);
            }

            @Override
            public void partial(Partial partial, boolean isFirst, long now) {
                first.partial(partial, isFirst, now);
                second.partial(partial, isFirst, now);
            }

            @Override
            public void finished(JobReport report) {
                first.finished(report);
                second.finished(report);
            }

            @Override
            public void inFlightForgotten(List<String> jobs) {
                first.inFlightForgotten(jobs);
                second.inFlightForgotten(jobs);
            }
        };
    }
}
