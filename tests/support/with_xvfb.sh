#!/usr/bin/env bash
# Runs COMMAND on a private Xvfb and returns its exit status:  with_xvfb.sh COMMAND [ARGS...]
# The server picks a free display itself (-displayfd), so tests that ctest runs in parallel never
# race for one display number, as two `xvfb-run -a` can (one then fails with "server already active").
# XVFB_SCREEN sets the screen (default 1280x1024x24).
set -u
dir=$(mktemp -d "${TMPDIR:-/tmp}/with-xvfb.XXXXXX")
Xvfb -displayfd 3 -screen 0 "${XVFB_SCREEN:-1280x1024x24}" -nolisten tcp 3>"$dir/display" 2>"$dir/log" &
server=$!
cleanup() {
    kill "$server" 2>/dev/null
    wait "$server" 2>/dev/null
    rm -rf "$dir"
}
trap cleanup EXIT
# Xvfb writes the display number (and a newline) once it accepts connections.
for _ in $(seq 1 200); do
    grep -q . "$dir/display" 2>/dev/null && break
    kill -0 "$server" 2>/dev/null || break
    sleep 0.05
done
display=$(head -n 1 "$dir/display" 2>/dev/null)
if [ -z "$display" ]; then
    echo "with_xvfb.sh: Xvfb did not start:" >&2
    cat "$dir/log" >&2
    exit 125
fi
DISPLAY=":$display" "$@"
