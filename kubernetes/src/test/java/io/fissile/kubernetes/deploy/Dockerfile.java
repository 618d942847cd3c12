package io.fissile.kubernetes.deploy;

import io.fabric8.kubernetes.client.utils.Serialization;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A Dockerfile read as far as the deploy test needs: its instructions (continuation lines joined,
 * comments dropped), COPY sources and destination, ENV, EXPOSE, USER and the exec-form CMD/ENTRYPOINT.
 */
record Dockerfile(Path file, List<Instruction> instructions) {

    record Instruction(String keyword, String arguments, int line) {
    }

    /** A COPY or ADD: its flags (--from=..., --chown=...), sources (relative to the context) and destination. */
    record Copy(List<String> flags, List<String> sources, String destination) {
    }

    static Dockerfile read(Path file) {
        List<Instruction> instructions = new ArrayList<>();
        StringBuilder pending = new StringBuilder();
        int startLine = 0;
        String[] lines = ChartRenderer.read(file).split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (pending.isEmpty() && (line.isEmpty() || line.startsWith("#"))) continue;
            if (pending.isEmpty()) startLine = i + 1;
            boolean continues = line.endsWith("\\");
            pending.append(continues ? line.substring(0, line.length() - 1) : line).append(' ');
            if (!continues) {
                String text = pending.toString().strip();
                int space = text.indexOf(' ');
                if (space < 0) throw new IllegalArgumentException(file + ":" + startLine + ": an instruction without arguments");
                instructions.add(new Instruction(text.substring(0, space).toUpperCase(), text.substring(space + 1).strip(), startLine));
                pending.setLength(0);
            }
        }
        if (!pending.isEmpty()) throw new IllegalArgumentException(file + ": ends inside a continued line");
        return new Dockerfile(file, List.copyOf(instructions));
    }

    List<String> all(String keyword) {
        return instructions.stream().filter(i -> i.keyword().equals(keyword)).map(Instruction::arguments).toList();
    }

    List<Copy> copies() {
        List<Copy> copies = new ArrayList<>();
        for (Instruction instruction : instructions) {
            if (!instruction.keyword().equals("COPY") && !instruction.keyword().equals("ADD")) continue;
            List<String> words = new ArrayList<>(Arrays.asList(instruction.arguments().split("\\s+")));
            List<String> flags = new ArrayList<>();
            while (!words.isEmpty() && words.getFirst().startsWith("--")) flags.add(words.removeFirst());
            if (words.size() < 2) throw new IllegalArgumentException(file + ":" + instruction.line() + ": COPY needs a source and a destination");
            String destination = words.removeLast();
            copies.add(new Copy(flags, words, destination));
        }
        return copies;
    }

    /** ENV in its KEY=VALUE form (several pairs per instruction); the legacy "ENV KEY VALUE" form is refused. */
    Map<String, String> environment() {
        Map<String, String> variables = new LinkedHashMap<>();
        for (String arguments : all("ENV")) {
            for (String pair : arguments.split("\\s+")) {
                int equals = pair.indexOf('=');
                if (equals <= 0) throw new IllegalArgumentException(file + ": ENV " + arguments + " is not KEY=VALUE");
                variables.put(pair.substring(0, equals), pair.substring(equals + 1));
            }
        }
        return variables;
    }

    List<Integer> exposedPorts() {
        return all("EXPOSE").stream().flatMap(a -> Arrays.stream(a.split("\\s+")))
                .map(port -> Integer.parseInt(port.replace("/tcp", ""))).toList();
    }

    String lastUser() {
        List<String> users = all("USER");
        return users.isEmpty() ? null : users.getLast();
    }

    List<String> from() {
        return all("FROM");
    }

    /** The command the image runs: ENTRYPOINT then CMD, both in exec (JSON array) form. */
    List<String> command() {
        List<String> command = new ArrayList<>();
        for (String keyword : List.of("ENTRYPOINT", "CMD")) {
            List<String> forms = all(keyword);
            if (forms.isEmpty()) continue;
            String form = forms.getLast();
            if (!form.startsWith("[")) throw new IllegalArgumentException(file + ": " + keyword + " is not in exec form: " + form);
            command.addAll(Arrays.asList(Serialization.jsonMapper().readValue(form, String[].class)));
        }
        return command;
    }
}
