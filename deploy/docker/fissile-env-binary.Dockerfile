# <prefix>/fissile-env-binary:<tag>: Fissile's binary runtime server (any executable: the request body on
# stdin, the response on stdout; scripts run with /bin/sh), the runtime container of a binary environment's
# pods (Fission's fission/binary-env maps to it). It runs on the jvm runtime's HTTP server, hence a JRE.
# Build context: the repository root, after `mvn -B -DskipTests -pl server -am package`.
FROM eclipse-temurin:21-jre

COPY server/target/fissile/lib/fissile-env-binary-*.jar server/target/fissile/lib/fissile-env-jvm-*.jar server/target/fissile/lib/fissile-function-api-*.jar /opt/fissile/runtime/

ENV HOST=0.0.0.0 \
    PORT=8888 \
    USERFUNC_DIR=/userfunc \
    SECRETS_DIR=/secrets \
    CONFIGS_DIR=/configs
RUN mkdir -p /userfunc /secrets /configs && chown 10001:10001 /userfunc /secrets /configs
USER 10001:10001
WORKDIR /userfunc
EXPOSE 8888
CMD ["java", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-XX:MaxRAMPercentage=75", "-XX:+ExitOnOutOfMemoryError", "-cp", "/opt/fissile/runtime/*", "io.fissile.environments.binary.BinaryRuntime"]
