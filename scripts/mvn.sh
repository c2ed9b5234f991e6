#!/usr/bin/env bash
# Runs the Maven Wrapper with a JDK >= 21 chosen by scripts/find-jdk.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
JAVA_HOME="$("$root/scripts/find-jdk.sh")" || exit 1
export JAVA_HOME
# Maven 3.9's bundled Guice touches sun.misc.Unsafe, which JDK 24+ warns about on every run;
# the switch that allows it quietly does not exist before JDK 23, so add it only where it does.
major="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$JAVA_HOME/release")"
if [[ -n "$major" && "$major" -ge 24 ]]; then
  export MAVEN_OPTS="--sun-misc-unsafe-memory-access=allow ${MAVEN_OPTS:-}"
fi
exec "$root/mvnw" -f "$root/pom.xml" "$@"
