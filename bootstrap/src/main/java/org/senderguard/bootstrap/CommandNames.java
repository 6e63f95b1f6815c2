package org.senderguard.bootstrap;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.senderguard.adapters.cli.SenderguardCommand;
import org.senderguard.domain.common.FreeText;
import picocli.CommandLine.Command;

/**
 * The command names of a command line, checked against the commands' annotations before anything
 * is opened: a mistyped command ({@code tenant lsit}) is a usage error even when the database is
 * down, and creates no embedded database in the working directory. Options and parameters are
 * checked by picocli as the command runs.
 */
final class CommandNames {

    private CommandNames() {
    }

    /** Why the command names in {@code args} name no command; empty when they do. */
    static Optional<String> unknown(String[] args) {
        Map<String, Class<?>> commands = subcommands(SenderguardCommand.class);
        commands.put("serve", ServeCommand.class);
        String path = "senderguard";
        for (String arg : args) {
            if (arg.startsWith("-") || arg.startsWith("@") || commands.isEmpty()) {
                break; // an option, an @file of arguments (picocli expands it), or a command's parameters
            }
            Class<?> command = commands.get(arg);
            if (command == null) {
                return Optional.of("unknown command " + FreeText.quoted(path + " " + arg) + "; '" + path
                        + "' has " + String.join(", ", commands.keySet().stream().sorted().toList())
                        + " (see '" + path + " --help')");
            }
            path += " " + arg;
            commands = subcommands(command);
        }
        return Optional.empty();
    }

    private static Map<String, Class<?>> subcommands(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        return annotation == null ? new HashMap<>() : Arrays.stream(annotation.subcommands())
                .collect(Collectors.toMap(sub -> sub.getAnnotation(Command.class).name(), Function.identity(),
                        (a, b) -> a, HashMap::new));
    }
}
