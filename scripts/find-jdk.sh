#!/usr/bin/env bash
# Prints the home of a JDK >= 21: JAVA_HOME if it qualifies, else the `java` on PATH,
# else the newest JDK under /usr/lib/jvm. Vaadin 25 and our Java 21 sources need it;
# the machine default may be older, so builds must not trust it blindly.
set -euo pipefail
min=21

major_of() { # $1 = a JDK home; prints its feature version or nothing
  local release="$1/release"
  [[ -x "$1/bin/javac" && -f "$release" ]] || return 0
  sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release"
}

candidates=()
[[ -n "${JAVA_HOME:-}" ]] && candidates+=("$JAVA_HOME")
if command -v java >/dev/null 2>&1; then
  candidates+=("$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")")
fi
if [[ -d /usr/lib/jvm ]]; then
  while IFS= read -r dir; do candidates+=("$dir"); done < <(
    for d in /usr/lib/jvm/*/; do d=${d%/}; v=$(major_of "$d"); [[ -n "$v" ]] && echo "$v $d"; done | sort -rn | cut -d' ' -f2-)
fi

for home in "${candidates[@]}"; do
  v=$(major_of "$home")
  if [[ -n "$v" && "$v" -ge "$min" ]]; then
    echo "$home"
    exit 0
  fi
done
echo "error: no JDK >= $min found (checked JAVA_HOME, java on PATH, /usr/lib/jvm); install one, e.g. 'apt-get install openjdk-21-jdk-headless' or Temurin 25, or set JAVA_HOME" >&2
exit 1
