#!/usr/bin/env bash
# Prints the BCrypt hash of a new staff password, for CASINO_HOST_PASSWORD_HASH or
# CASINO_MANAGER_PASSWORD_HASH (docs/operations.md, "Staff accounts"). Reads the password without
# echo, or one line from standard input: echo -n '…' | scripts/password-hash.sh
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
jar="$root/dashboard-service/target/dashboard-service-0.1.0-SNAPSHOT-exec.jar"
if [[ ! -f "$jar" ]]; then
  echo "==> Building the dashboard jar first (once)" >&2
  "$root/scripts/mvn.sh" -q -B -pl dashboard-service -am package -DskipTests -Pproduction >&2
fi
JAVA_HOME="$("$root/scripts/find-jdk.sh")"
# Any class of the executable jar runs through Spring Boot's PropertiesLauncher, its libraries on the class path.
exec "$JAVA_HOME/bin/java" -Dloader.main=org.casinoloyalty.dashboard.staff.PasswordHashCommand -cp "$jar" \
  org.springframework.boot.loader.launch.PropertiesLauncher
