#!/usr/bin/env bash
# End-to-end browser tests of the collector workspace: a fresh SQLite database with the demo
# company, `cartera serve` on a free port, then every Tests/e2e/test_*.py (unittest + Selenium,
# headless Debian Chromium through Debian's chromedriver; nothing is downloaded).
#
# Environment:
#   CARTERA_BIN          the cartera binary (default: <repo>/.build/debug/cartera)
#   CARTERA_E2E_PORT     port for the server (default 18090; if the default is taken, a free one is used)
#   CARTERA_SCREENSHOTS  where the screenshots go (default: <repo>/artifacts/screenshots)
#   CARTERA_E2E_TIMEOUT  seconds before the test run is stopped (default 900)
#   CARTERA_E2E_TESTS    test files to run, space-separated (default: every Tests/e2e/test_*.py)
#
# Prints "N passed, M failed" as its last line and exits with the tests' status.
set -euo pipefail

SCRIPT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
REPO=$(cd "$SCRIPT_DIR/../.." && pwd)

BIN=${CARTERA_BIN:-$REPO/.build/debug/cartera}
case "$BIN" in /*) ;; *) BIN="$PWD/$BIN" ;; esac
SCREENSHOTS=${CARTERA_SCREENSHOTS:-$REPO/artifacts/screenshots}
case "$SCREENSHOTS" in /*) ;; *) SCREENSHOTS="$PWD/$SCREENSHOTS" ;; esac
TEST_TIMEOUT=${CARTERA_E2E_TIMEOUT:-900}

log() { printf '\n=== %s\n' "$*"; }
fail_setup() { echo "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

[[ -x "$BIN" ]] || fail_setup "cartera binary not found or not executable: $BIN (build it, or set CARTERA_BIN)"

# A port nobody listens on. An explicitly requested port must be free; the default may be replaced.
port_in_use() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
if [[ -n "${CARTERA_E2E_PORT:-}" ]]; then
  PORT=$CARTERA_E2E_PORT
  ! port_in_use "$PORT" || fail_setup "CARTERA_E2E_PORT=$PORT is already in use"
else
  PORT=18090
  if port_in_use "$PORT"; then
    PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  fi
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/cartera-e2e.XXXXXX")
SERVER_PID=""
KEEP_WORK=0
cleanup() {
  if [[ -n "$SERVER_PID" ]] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 1 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.1; done
    kill -9 "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [[ $KEEP_WORK == 0 ]]; then rm -rf "$WORK"; else echo "Logs and database kept in $WORK" >&2; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# A fresh SQLite file; DATABASE_URL would take precedence and load the demo into someone's PostgreSQL.
unset DATABASE_URL
export CARTERA_SQLITE_PATH="$WORK/cartera.sqlite"

log "Loading the demo company ($BIN demo)"
if ! (cd "$WORK" && "$BIN" demo) >"$WORK/demo.log" 2>&1; then
  KEEP_WORK=1
  tail -n 40 "$WORK/demo.log" >&2
  fail_setup "cartera demo failed"
fi
API_KEY=$(grep -E '^ck_' "$WORK/demo.log" | tail -n 1 || true)
[[ -n "$API_KEY" ]] || { KEEP_WORK=1; tail -n 20 "$WORK/demo.log" >&2; fail_setup "cartera demo printed no API key"; }
grep -E '^Loaded ' "$WORK/demo.log" || true

log "Starting the server on port $PORT"
(cd "$WORK" && CARTERA_SCHEDULER=false exec "$BIN" serve --port "$PORT") >"$WORK/serve.log" 2>&1 &
SERVER_PID=$!
BASE_URL="http://127.0.0.1:$PORT"
up=0
for _ in $(seq 1 120); do
  if ! kill -0 "$SERVER_PID" 2>/dev/null; then break; fi
  if python3 -c 'import sys, urllib.request; sys.exit(0 if urllib.request.urlopen(sys.argv[1], timeout=2).status == 200 else 1)' "$BASE_URL/health" 2>/dev/null; then
    up=1; break
  fi
  sleep 0.5
done
if [[ $up != 1 ]]; then
  KEEP_WORK=1
  echo "The server did not answer $BASE_URL/health within 60 s. Server log:" >&2
  tail -n 60 "$WORK/serve.log" >&2
  fail_setup "server did not start"
fi
echo "Up at $BASE_URL"

mkdir -p "$SCREENSHOTS"
# Only the files these tests write, so a stale picture never passes for a new one.
for name in dashboard worklist customer customer-plan customer-hold invoice invoice-resolved; do
  rm -f "$SCREENSHOTS/$name.png"
done

cd "$REPO"
read -r -a TEST_FILES <<<"${CARTERA_E2E_TESTS:-$(ls Tests/e2e/test_*.py | tr '\n' ' ')}"
# unittest takes dotted module names; the folder goes on the path so `workspace` imports.
MODULES=()
for file in "${TEST_FILES[@]}"; do MODULES+=("$(basename "$file" .py)"); done
log "Browser tests (python3 -m unittest -v ${MODULES[*]})"
set +e
CARTERA_BASE_URL="$BASE_URL" CARTERA_API_KEY="$API_KEY" CARTERA_SCREENSHOTS="$SCREENSHOTS" SE_OFFLINE=true \
  PYTHONPATH="$REPO/Tests/e2e" timeout --kill-after=30 "$TEST_TIMEOUT" python3 -m unittest -v "${MODULES[@]}" 2>&1 | tee "$WORK/unittest.log"
STATUS=${PIPESTATUS[0]}
set -e
[[ $STATUS == 124 || $STATUS == 137 ]] && echo "The tests did not finish within ${TEST_TIMEOUT} s." >&2

# "Ran N tests" and "OK (skipped=1)" / "FAILED (failures=1, errors=2)" from unittest's summary.
read -r PASSED FAILED < <(python3 - "$WORK/unittest.log" <<'PY'
import re, sys
text = open(sys.argv[1], encoding="utf-8", errors="replace").read()
ran = re.findall(r"^Ran (\d+) tests? in ", text, re.M)
if not ran:
    print(0, 1)  # unittest never got to its summary (crash, timeout)
    sys.exit()
summary = re.findall(r"^(OK|FAILED)(?: \(([^)]*)\))?\s*$", text, re.M)
counts = dict((key.strip(), int(value)) for key, value in re.findall(r"([a-z ]+)=(\d+)", summary[-1][1] if summary else ""))
failed = counts.get("failures", 0) + counts.get("errors", 0) + counts.get("unexpected successes", 0)
not_passed = failed + counts.get("skipped", 0) + counts.get("expected failures", 0)
ran = int(ran[-1])
if not summary:
    failed = max(failed, 1)
print(ran - not_passed if summary else 0, failed)
PY
) || { PASSED=0; FAILED=1; }

if [[ $STATUS != 0 || $FAILED != 0 || $PASSED == 0 ]]; then
  KEEP_WORK=1
  log "Server log (last 80 lines)"
  tail -n 80 "$WORK/serve.log"
  [[ $STATUS != 0 ]] || STATUS=1
fi
echo "Screenshots in $SCREENSHOTS"
echo "$PASSED passed, $FAILED failed"
exit "$STATUS"
