#!/usr/bin/env bash
# Runs the Maven Wrapper with a JDK >= 21 chosen by scripts/find-jdk.sh.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
JAVA_HOME="$("$root/scripts/find-jdk.sh")" || exit 1
export JAVA_HOME
exec "$root/mvnw" -f "$root/pom.xml" "$@"
