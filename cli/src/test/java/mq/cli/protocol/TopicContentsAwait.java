package mq.cli.protocol;

import java.time.Duration;
import java.util.List;
import mq.launcher.ResultWatcher;
import mq.common.protocol.JobReport;

/** A job's final report: from the results topic if it is already there, else the next one the watcher sees. */
final class TopicContentsAwait {
    private TopicContentsAwait() {
    }

    static JobReport finalOf(InProcessRoles roles, ResultWatcher watcher, String job) {
        List<JobReport> finals = TopicContents.finals(roles.client, roles.topics.results(), job);
        return finals.isEmpty() ? watcher.await(job, Duration.ofSeconds(60), p -> { }, () -> { }) : finals.get(0);
    }
}
