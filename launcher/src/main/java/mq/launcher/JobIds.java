package mq.launcher;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/** Job ids that sort by time and do not collide: {@code job-20261129-141503-3f9a}. */
public final class JobIds {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private JobIds() {
    }

    public static String next() {
        return "job-" + LocalDateTime.now().format(FORMAT) + "-"
                + String.format("%04x", ThreadLocalRandom.current().nextInt(0x10000));
    }
}
