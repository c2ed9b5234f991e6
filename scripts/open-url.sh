#!/usr/bin/env bash
# Opens a URL in the desktop browser when there is one, and always prints it.
url="$1"
echo "$url"
for opener in xdg-open open; do
  if command -v "$opener" >/dev/null 2>&1 && [[ -n "${DISPLAY:-}${WAYLAND_DISPLAY:-}" || "$opener" == open ]]; then
    "$opener" "$url" >/dev/null 2>&1 &
    exit 0
  fi
done
