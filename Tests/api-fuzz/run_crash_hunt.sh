#!/usr/bin/env bash
# Crash hunt: boundary values into every API operation and every web form as viewer, collector and
# admin (Tests/api-fuzz/crash_hunt.py), against the demo company on a fresh SQLite file. The hunt
# starts `cartera serve` itself, checks after every batch that the same process still answers
# /health, restarts it when it died and counts that. Passes when no request got a 5xx and the server
# never had to be restarted. Prints "crash hunt: requests sent N", "crash hunt: 5xx M",
# "crash hunt: restarts R" and, last, "P passed, F failed" (one test per operation or form batch).
#
#   CARTERA_BIN          the binary (default .build/debug/cartera)
#   CRASH_HUNT_BUDGET    seconds for the hunt itself (default 250; the demo load, ~15 s, comes on top)
#   CRASH_HUNT_REPORT    details of every failure (default artifacts/crash-hunt.txt)
#   CRASH_HUNT_FINDINGS  also append one line per new finding to this file (default: none)
#   CRASH_HUNT_KEEP=1    keep the temporary folder (database, server log) even when the hunt passes
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${CARTERA_BIN:-$REPO/.build/debug/cartera}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
REPORT=${CRASH_HUNT_REPORT:-$REPO/artifacts/crash-hunt.txt}
case "$REPORT" in /*) ;; *) REPORT="$PWD/$REPORT" ;; esac
[[ -x "$BIN" ]] || { echo "cartera binary not found: $BIN (build it, or set CARTERA_BIN)" >&2; echo "0 passed, 1 failed"; exit 1; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cartera-crash-hunt.XXXXXX")
KEEP=${CRASH_HUNT_KEEP:-0}
# Quiet at exit: the summary printed by crash_hunt.py stays the last line of the output.
cleanup() { [[ $KEEP != 0 ]] || rm -rf "$WORK"; }
trap cleanup EXIT
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# A fresh SQLite file (DATABASE_URL would load the demo into someone's PostgreSQL), no scheduler,
# mail into the temporary folder.
unset DATABASE_URL
export CARTERA_SQLITE_PATH="$WORK/cartera.sqlite" CARTERA_SCHEDULER=false CARTERA_MAIL_DIR="$WORK/mail" LOG_LEVEL=${LOG_LEVEL:-notice}
export CARTERA_PUBLIC_URL="http://127.0.0.1:$PORT"

started=$(date +%s)
(cd "$WORK" && "$BIN" demo) >"$WORK/demo.log" 2>&1 || { KEEP=1; tail -n 30 "$WORK/demo.log" >&2; echo "0 passed, 1 failed"; exit 1; }
key() { (cd "$WORK" && "$BIN" create-api-key --name "crash-hunt-$1" --role "$1" 2>/dev/null | grep -E "^ck_" | tail -n 1) || true; }
ADMIN_KEY=$(key admin); COLLECTOR_KEY=$(key collector); VIEWER_KEY=$(key viewer)
for k in "$ADMIN_KEY" "$COLLECTOR_KEY" "$VIEWER_KEY"; do
  [[ $k == ck_* ]] || { KEEP=1; echo "create-api-key printed no key" >&2; echo "0 passed, 1 failed"; exit 1; }
done
echo "crash hunt: demo company and keys ready in $(( $(date +%s) - started )) s; database and server log in $WORK (kept if the hunt fails)"

set +e
CRASH_HUNT_STARTED=$started python3 "$REPO/Tests/api-fuzz/crash_hunt.py" --bin "$BIN" --port "$PORT" --workdir "$WORK" --server-log "$WORK/serve.log" \
  --admin-key "$ADMIN_KEY" --collector-key "$COLLECTOR_KEY" --viewer-key "$VIEWER_KEY" --report "$REPORT"
STATUS=$?
set -e
# crash_hunt.py prints the summary last, for CI to count; only the status follows.
[[ $STATUS == 0 ]] || KEEP=1
exit "$STATUS"
