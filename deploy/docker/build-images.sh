#!/usr/bin/env bash
# Builds Fissile's images from this repository and, with --push, pushes them:
#   <prefix>/fissile:<tag>                       from deploy/docker/Dockerfile
#   <prefix>/fissile-env-<runtime>:<tag>         from deploy/docker/fissile-env-<runtime>.Dockerfile
# Usage: deploy/docker/build-images.sh [--push] [PREFIX [TAG]]
#   PREFIX defaults to "fissile" (put your registry in it: <your-registry>/fissile),
#   TAG to the chart's appVersion, which is the project version: the chart's default image.tag.
# Needs Maven and a JDK 21+ (for the jars), and docker or podman (DOCKER=podman).
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
DOCKER="${DOCKER:-docker}"
PUSH=false
if [ "${1:-}" = "--push" ]; then PUSH=true; shift; fi
PREFIX="${1:-fissile}"
PREFIX="${PREFIX%/}"
TAG="${2:-$(sed -n 's/^appVersion: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$ROOT/deploy/charts/fissile/Chart.yaml")}"

echo "Building the jars (mvn package of the server and what it needs)..." >&2
(cd "$ROOT" && mvn -B -q -DskipTests -pl server -am package)

build() {
  local dockerfile="$1" image="$2"
  echo "Building $image from ${dockerfile#"$ROOT"/}" >&2
  "$DOCKER" build -f "$dockerfile" -t "$image" "$ROOT"
  if $PUSH; then "$DOCKER" push "$image"; fi
}

build "$ROOT/deploy/docker/Dockerfile" "$PREFIX/fissile:$TAG"
for dockerfile in "$ROOT"/deploy/docker/fissile-env-*.Dockerfile; do
  build "$dockerfile" "$PREFIX/$(basename "$dockerfile" .Dockerfile):$TAG"
done
