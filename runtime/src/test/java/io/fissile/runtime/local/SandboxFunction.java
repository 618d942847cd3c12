package io.fissile.runtime.local;

import io.fissile.runtime.Instance;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;

/** A python function that reports what its instance can see: it reads, lists and writes paths on request. */
final class SandboxFunction {

    private static final String SOURCE = """
            import os
            from flask import request

            def main():
                op = request.args.get("op")
                path = request.args.get("path")
                try:
                    if op == "read":
                        with open(path) as f:
                            return f.read()
                    if op == "list":
                        return "\\n".join(sorted(os.listdir(path)))
                    if op == "write":
                        with open(path, "w") as f:
                            f.write(request.args.get("text", ""))
                        return "written"
                    if op == "env":
                        return os.environ.get(path, "")
                    return "unknown op"
                except Exception as e:
                    return "error: " + type(e).__name__
            """;

    private SandboxFunction() {
    }

    static void specialize(Instance instance) throws Exception {
        Files.writeString(instance.userfuncDir().resolve("probe.py"), SOURCE);
        int status = InstanceClient.specialize(instance, instance.userfuncPathInInstance() + "/probe.py", "main").statusCode();
        if (status < 200 || status > 202) throw new AssertionError("specialize answered " + status);
    }

    static String read(Instance instance, String path) throws Exception {
        return ask(instance, "read", path, "");
    }

    static String list(Instance instance, String path) throws Exception {
        return ask(instance, "list", path, "");
    }

    static String write(Instance instance, String path, String text) throws Exception {
        return ask(instance, "write", path, text);
    }

    static String variable(Instance instance, String name) throws Exception {
        return ask(instance, "env", name, "");
    }

    private static String ask(Instance instance, String op, String path, String text) throws Exception {
        return InstanceClient.get(instance, "/?op=" + op + "&path=" + encode(path) + "&text=" + encode(text)).body();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
