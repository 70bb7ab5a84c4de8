package mq.aggregator;

import java.util.List;
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
}
