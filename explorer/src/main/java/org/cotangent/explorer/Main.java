package org.cotangent.explorer;

import picocli.CommandLine;

/** The {@code java -jar cotangent-explorer.jar} entry point. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(ExplorerCommand.commandLine().execute(args));
    }
}
