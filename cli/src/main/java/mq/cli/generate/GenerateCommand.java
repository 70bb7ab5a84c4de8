package mq.cli.generate;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;
import picocli.CommandLine;

/** {@code mq generate numbers|records}: mock input files for the sum and the latest-version-per-key jobs. */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Writes mock input files: numbers to sum, or JSON records with several versions per id.",
        subcommands = {NumbersCommand.class, RecordsCommand.class, GenerateBenchCommand.class})
public final class GenerateCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "Missing subcommand: numbers or records");
    }

    public static void main(String[] args) {
        System.exit(new CommandLine(new GenerateCommand()).execute(args));
    }
}
