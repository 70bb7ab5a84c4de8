package mq.cli;

import mq.cli.broker.BrokerCommand;
import mq.cli.generate.GenerateCommand;
import mq.cli.roles.AggregatorCommand;
import mq.cli.roles.ProduceCommand;
import mq.cli.roles.WorkerCommand;
import mq.cli.run.DemoCommand;
import mq.cli.run.RunCommand;
import mq.cli.status.StatusCommand;
import mq.cli.lab.ChaosCommand;
import mq.cli.lab.ScaleCommand;
import mq.cli.lab.ThreadsCommand;
import mq.launcher.ParentWatch;
import mq.producer.input.InputException;
import java.nio.file.FileSystemException;
import mq.common.protocol.Terminal;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code mq} command: every role, the local broker, the runs and the lab. */
@Command(name = "mq", mixinStandardHelpOptions = true, version = "message_queues 0.1.0",
        description = "Queue-based parallelism on Apache Kafka: produce, reduce in parallel, aggregate, measure.",
        subcommands = {RunCommand.class, DemoCommand.class, ThreadsCommand.class, ScaleCommand.class, ChaosCommand.class, ProduceCommand.class, WorkerCommand.class,
                AggregatorCommand.class, StatusCommand.class, BrokerCommand.class, GenerateCommand.class,
                CommandLine.HelpCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        ParentWatch.startIfAsked();
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Main())
                .setExecutionExceptionHandler((e, commandLine, parseResult) -> {
                    commandLine.getErr().println("error: " + message(e));
                    if (System.getenv("MQ_DEBUG") != null) {
                        e.printStackTrace(commandLine.getErr());
                    }
                    return e instanceof IllegalArgumentException ? 2 : 1;
                });
    }

    /** The error's message with control characters escaped: it may quote input or messages from the outside. */
    private static String message(Throwable e) {
        if (e instanceof InputException) {
            return Terminal.escape(e.getMessage());
        }
        if (e instanceof FileSystemException fs) {
            return "cannot use " + fs.getFile() + (fs.getReason() == null ? "" : ": " + fs.getReason())
                    + " (" + e.getClass().getSimpleName() + ")";
        }
        String message = e.getMessage();
        return Terminal.escape(message == null ? e.toString() : message);
    }
}
