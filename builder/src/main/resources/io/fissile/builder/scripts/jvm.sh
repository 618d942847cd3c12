#!/bin/sh
# Fissile's JVM builder: mvn package, then the jar(s) it made. Maven runs offline from the local
# repository first, and goes online only when something is missing there.
set -e
cd "$SRC_PKG"
if [ ! -f pom.xml ]; then
    echo "There is no pom.xml in the source: the jvm builder builds Maven projects" >&2
    exit 1
fi
if [ -n "$FISSILE_MAVEN_REPO" ]; then set -- "-Dmaven.repo.local=$FISSILE_MAVEN_REPO"; fi
echo "mvn package (offline)"
status=0
mvn -B -ntp -o "$@" package -DskipTests > "$TMPDIR/mvn-offline.log" 2>&1 || status=$?
cat "$TMPDIR/mvn-offline.log"
if [ "$status" -ne 0 ]; then
    if grep -q "offline mode" "$TMPDIR/mvn-offline.log"; then
        echo "Some artifacts are not in the local repository: mvn package (online)"
        mvn -B -ntp "$@" package -DskipTests
    else
        exit "$status"
    fi
fi
mkdir -p "$DEPLOY_PKG"
for jar in target/*.jar; do
    [ -f "$jar" ] || continue
    case "$(basename "$jar")" in
        *-sources.jar|*-javadoc.jar|*-tests.jar|original-*) continue ;;
    esac
    cp "$jar" "$DEPLOY_PKG/"
    echo "deploying $(basename "$jar")"
done
if [ -z "$(ls -A "$DEPLOY_PKG")" ]; then
    echo "mvn package made no jar in target/" >&2
    exit 1
fi
