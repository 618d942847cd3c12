# <prefix>/fissile-env-jvm:<tag>: Fissile's jvm runtime server (Java functions implementing
# io.fissile.function.Function, deployed as jars), the runtime container of a jvm environment's pods
# (Fission's fission/jvm-env maps to it). It follows docs/environments.md. Build context: the repository root,
# after `mvn -B -DskipTests -pl server -am package` (server/target/fissile/lib holds the runtime's jars).
FROM eclipse-temurin:21-jre

COPY server/target/fissile/lib/fissile-env-jvm-*.jar server/target/fissile/lib/fissile-function-api-*.jar /opt/fissile/runtime/

ENV HOST=0.0.0.0 \
    PORT=8888 \
    USERFUNC_DIR=/userfunc \
    SECRETS_DIR=/secrets \
    CONFIGS_DIR=/configs
RUN mkdir -p /userfunc /secrets /configs && chown 10001:10001 /userfunc /secrets /configs
USER 10001:10001
WORKDIR /userfunc
EXPOSE 8888
# The flags Fissile's local runtime starts it with (a small JVM that starts fast), the heap from the
# container's memory limit, and --add-opens for a function's own environment variables.
CMD ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "--add-opens=java.base/java.lang=ALL-UNNAMED", "-cp", "/opt/fissile/runtime/*", "io.fissile.environments.jvm.JvmRuntime"]
