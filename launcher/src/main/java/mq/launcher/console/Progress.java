package mq.launcher.console;

import java.util.function.LongConsumer;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/** A progress bar on stderr for long work; does nothing for small totals or when disabled. */
public final class Progress implements LongConsumer, AutoCloseable {

    /** Below this many items writing takes well under a second: no bar. */
    public static final long SHOW_FROM = 100_000;

    private final ProgressBar bar;

    private Progress(ProgressBar bar) {
        this.bar = bar;
    }

    public static Progress of(String task, long total, boolean enabled) {
        if (!enabled || total < SHOW_FROM) {
            return new Progress(null);
        }
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(total)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .build());
    }

    @Override
    public void accept(long done) {
        if (bar != null) {
            bar.stepTo(done);
        }
    }

    /** No bar at all, where the caller asked for quiet. */
    public static Progress none() {
        return new Progress(null);
    }

    /** A bar shown whatever the total, for work whose size is not a count of items. */
    public static Progress always(String task, long total, String unit) {
        return new Progress(new ProgressBarBuilder()
                .setTaskName(task)
                .setInitialMax(Math.max(total, 1))
                .setUnit(unit.isEmpty() ? "" : " " + unit, unit.equals("MB") ? 1_000_000 : 1)
                .setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err))
                .setUpdateIntervalMillis(250)
                .build());
    }

    public void maxHint(long total) {
        if (bar != null) {
            bar.maxHint(total);
        }
    }

    @Override
    public void close() {
        if (bar != null) {
            bar.close();
        }
    }
}
