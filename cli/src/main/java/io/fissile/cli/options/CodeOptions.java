package io.fissile.cli.options;

import picocli.CommandLine.Option;

import java.util.ArrayList;
import java.util.List;

/** {@code --code}, {@code --deploy}, {@code --src} and {@code --buildcmd}: the code of a package. */
public final class CodeOptions {
    @Option(names = "--code", paramLabel = "FILE", description = "A single file of code, used as it is")
    String code;

    @Option(names = {"--deploy", "--deployarchive"}, paramLabel = "FILE|DIR|ZIP",
            description = "Deployment archive: a zip, or files and directories to zip; repeat for several")
    List<String> deploy;

    @Option(names = {"--src", "--sourcearchive", "--source"}, paramLabel = "FILE|DIR|ZIP",
            description = "Source archive for the environment's builder: a zip, or files and directories to zip; repeat for several")
    List<String> source;

    @Option(names = "--buildcmd", paramLabel = "COMMAND", description = "Build command for the builder to run with")
    String buildCommand;

    /** True when any code flag is given. */
    public boolean hasArchives() {
        return code != null || (deploy != null && !deploy.isEmpty()) || (source != null && !source.isEmpty());
    }

    /** The files of the deployment archive: --deploy, then --code. */
    public List<String> deployFiles() {
        List<String> files = new ArrayList<>(deploy == null ? List.of() : deploy);
        if (code != null) files.add(code);
        return files;
    }

    public List<String> sourceFiles() {
        return source == null ? List.of() : source;
    }

    /** --code names a file to use as it is, never zipped. */
    public boolean deployAsIs() {
        return code != null;
    }

    public String buildCommand() {
        return buildCommand;
    }
}
