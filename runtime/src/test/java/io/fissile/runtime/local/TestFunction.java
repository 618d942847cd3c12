package io.fissile.runtime.local;

import io.fissile.runtime.Instance;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * A tiny "hello" function for each shipped runtime, as a user would write it: it answers with a
 * greeting and the request body, and writes a line to its output on each call.
 */
enum TestFunction {
    NODEJS("fission/node-env:1.32", "hello from nodejs", "node", "nodejs") {
        @Override
        Package install(Instance instance) throws Exception {
            Files.writeString(instance.userfuncDir().resolve("hello.js"), """
                    module.exports = async function (context) {
                      console.log('log line from nodejs');
                      return { status: 200, body: 'hello from nodejs: ' + context.request.body };
                    };
                    """);
            return new Package(instance.userfuncPathInInstance() + "/hello.js", "");
        }
    },
    PYTHON("fission/python-env", "hello from python", "python3", "python3") {
        @Override
        Package install(Instance instance) throws Exception {
            Files.writeString(instance.userfuncDir().resolve("hello.py"), """
                    from flask import request

                    def main():
                        print("log line from python")
                        return "hello from python: " + request.get_data(as_text=True)
                    """);
            return new Package(instance.userfuncPathInInstance() + "/hello.py", "main");
        }
    },
    JVM("fission/jvm-env", "hello from jvm", null, null) {
        @Override
        Package install(Instance instance) throws Exception {
            JavaFunctionJar.build("example.Hello", """
                    package example;

                    import io.fissile.function.Context;
                    import io.fissile.function.Function;
                    import io.fissile.function.Request;
                    import io.fissile.function.Response;

                    public final class Hello implements Function {
                        @Override
                        public Response handle(Request request, Context context) {
                            context.log("log line from jvm");
                            return Response.ok("hello from jvm: " + request.bodyAsString());
                        }
                    }
                    """, instance.userfuncDir().resolve("hello.jar"));
            return new Package(instance.userfuncPathInInstance() + "/hello.jar", "example.Hello");
        }
    },
    BINARY("fission/binary-env", "hello from binary", null, null) {
        @Override
        Package install(Instance instance) throws Exception {
            Path script = instance.userfuncDir().resolve("hello.sh");
            Files.writeString(script, """
                    #!/bin/sh
                    echo "log line from binary" >&2
                    printf 'hello from binary: '
                    cat
                    """);
            Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            return new Package(instance.userfuncPathInInstance() + "/hello.sh", "");
        }
    };

    /** Where the function is, as the specialize request names it. */
    record Package(String filepath, String functionName) {
    }

    final String image;
    final String greeting;
    /** The program the runtime needs and its Debian package, or null when the JDK running the server is enough. */
    private final String program;
    private final String debianPackage;

    TestFunction(String image, String greeting, String program, String debianPackage) {
        this.image = image;
        this.greeting = greeting;
        this.program = program;
        this.debianPackage = debianPackage;
    }

    /** Skips the test when the runtime's interpreter is not installed. */
    void assumeInterpreterInstalled() {
        if (program != null) DebianPackages.assumeInstalled(program, debianPackage);
    }

    /** Writes the function into the instance's package directory. */
    abstract Package install(Instance instance) throws Exception;

    String logLine() {
        return "log line from " + name().toLowerCase();
    }
}
