package io.fissile.executor;

import io.fissile.runtime.testing.ZipBuilder;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * Functions for each shipped environment, as users write them: a greeting with the request body,
 * as a single file and as a zip with a directory (the code calls a helper in a subdirectory).
 */
enum TestCode {
    NODEJS("fission/node-env", "", "hello.handler") {
        @Override
        byte[] single(String greeting) {
            return bytes("module.exports = async function (context) {\n"
                    + "  return { status: 200, body: '" + greeting + ": ' + context.request.body };\n};\n");
        }

        @Override
        byte[] zip(String greeting) {
            return new ZipBuilder()
                    .file("hello.js", "const greet = require('./lib/greet');\n"
                            + "module.exports.handler = async (context) => ({ status: 200, body: greet(context.request.body) });\n")
                    .directory("lib")
                    .file("lib/greet.js", "module.exports = (who) => '" + greeting + ": ' + who;\n")
                    .build();
        }
    },
    PYTHON("fission/python-env", "main", "hello.handler") {
        @Override
        byte[] single(String greeting) {
            return bytes("from flask import request\n\n"
                    + "def main():\n    return '" + greeting + ": ' + request.get_data(as_text=True)\n");
        }

        @Override
        byte[] zip(String greeting) {
            return new ZipBuilder()
                    .file("hello.py", "from flask import request\nfrom greeting.words import greet\n\n"
                            + "def handler():\n    return greet(request.get_data(as_text=True))\n")
                    .directory("greeting")
                    .file("greeting/words.py", "def greet(who):\n    return '" + greeting + ": ' + who\n")
                    .build();
        }
    },
    JVM("fission/jvm-env", "example.Hello", "example.Hello") {
        @Override
        byte[] single(String greeting) throws Exception {
            return JavaFunctionJar.of("example.Hello", """
                    package example;

                    import io.fissile.function.Context;
                    import io.fissile.function.Function;
                    import io.fissile.function.Request;
                    import io.fissile.function.Response;

                    public final class Hello implements Function {
                        @Override
                        public Response handle(Request request, Context context) {
                            return Response.ok("%s: " + request.bodyAsString());
                        }
                    }
                    """.formatted(greeting));
        }

        @Override
        byte[] zip(String greeting) throws Exception {
            return new ZipBuilder().directory("lib").bytes("lib/hello.jar", single(greeting)).build();
        }
    },
    BINARY("fission/binary-env", "", "bin/hello.sh") {
        @Override
        byte[] single(String greeting) {
            return bytes("#!/bin/sh\nprintf '" + greeting + ": '\ncat\n");
        }

        @Override
        byte[] zip(String greeting) {
            // Run from its own directory, it finds the file packaged beside it.
            return new ZipBuilder()
                    .directory("bin")
                    .executable("bin/hello.sh", "#!/bin/sh\nprintf \"$(cat greeting.txt): \"\ncat\n")
                    .file("bin/greeting.txt", greeting)
                    .build();
        }
    };

    final String image;
    /** The entrypoint of the single-file function. */
    final String singleEntrypoint;
    /** The entrypoint of the zipped function. */
    final String zipEntrypoint;

    TestCode(String image, String singleEntrypoint, String zipEntrypoint) {
        this.image = image;
        this.singleEntrypoint = singleEntrypoint;
        this.zipEntrypoint = zipEntrypoint;
    }

    /** The function as one file (a jar for the jvm). */
    abstract byte[] single(String greeting) throws Exception;

    /** The function as a zip with a directory. */
    abstract byte[] zip(String greeting) throws Exception;

    String lowerName() {
        return name().toLowerCase(Locale.ROOT);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
