package io.fissile.runtime.local;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The file naming an instance's process: its pid on the first line, then its command line as
 * {@code /proc/<pid>/cmdline} shows it (arguments each ended by NUL). After a crash of the server,
 * a process is recognised as a leftover instance only when both still match, never by pid alone.
 */
record ProcessRecord(Path file) {

    void write(long pid, List<String> command) throws IOException {
        Files.write(file, concat((pid + "\n").getBytes(StandardCharsets.US_ASCII), cmdline(command)));
    }

    /** The live process this record names, if its command line is still the recorded one. */
    Optional<ProcessHandle> liveProcess() {
        try {
            byte[] content = Files.readAllBytes(file);
            int newline = indexOf(content, (byte) '\n');
            if (newline < 0) return Optional.empty();
            long pid = Long.parseLong(new String(content, 0, newline, StandardCharsets.US_ASCII).strip());
            byte[] recorded = Arrays.copyOfRange(content, newline + 1, content.length);
            byte[] current = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "cmdline"));
            if (recorded.length == 0 || !Arrays.equals(recorded, current)) return Optional.empty();
            return ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    static byte[] cmdline(List<String> command) {
        StringBuilder text = new StringBuilder();
        command.forEach(argument -> text.append(argument).append('\0'));
        return text.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static int indexOf(byte[] bytes, byte wanted) {
        for (int i = 0; i < bytes.length; i++) if (bytes[i] == wanted) return i;
        return -1;
    }
}
