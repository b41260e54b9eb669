#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis (PyPI) from the served OpenAPI document: the demo company
# on a fresh SQLite file, an admin key, every operation with generated valid and invalid input
# (--mode all: positive and negative data) through every phase: the schema's examples, the
# coverage phase (boundary values: minimum/maximum, lengths, formats, missing and wrong types),
# random fuzzing, then stateful sequences. Passes when no request gets a 5xx and the server is
# still the same process at the end.
#
#   CARTERA_BIN               the binary (default .build/debug/cartera)
#   SCHEMATHESIS_EXAMPLES     examples per operation in the fuzzing phase (default 25)
#   SCHEMATHESIS_SEED         fixed seed, so a failure replays (default 20261125)
#   SCHEMATHESIS_PHASES       phases to run (default examples,coverage,fuzzing,stateful)
#   SCHEMATHESIS_TIMEOUT      seconds before the run is stopped and fails (default 420)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${CARTERA_BIN:-$REPO/.build/debug/cartera}
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export CARTERA_SQLITE_PATH="$WORK/cartera.sqlite" CARTERA_SCHEDULER=false CARTERA_MAIL_DIR="$WORK/mail"
unset DATABASE_URL
started=$(date +%s)
"$BIN" demo >"$WORK/demo.log" 2>&1
KEY=$("$BIN" create-api-key --name schemathesis 2>/dev/null | grep -E "^ck_" | tail -n 1)
"$BIN" serve --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done

# schemathesis 4 selects phases and data modes; 3.x had other names for the same (and is not supported).
if ! schemathesis run --help 2>/dev/null | grep -q -- "--phases"; then
  echo "schemathesis $(schemathesis --version 2>/dev/null) has no --phases option: install schemathesis>=4 (pip install -U schemathesis)"
  exit 1
fi
set +e
# From the temporary folder: schemathesis keeps its cache in .schemathesis/ under the working directory.
cd "$WORK"
timeout --kill-after=20 "${SCHEMATHESIS_TIMEOUT:-420}" \
  schemathesis run "http://127.0.0.1:$PORT/api/v1/openapi.json" --url "http://127.0.0.1:$PORT/api/v1" \
  -H "Authorization: Bearer $KEY" --checks not_a_server_error \
  --mode all --phases "${SCHEMATHESIS_PHASES:-examples,coverage,fuzzing,stateful}" \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" --seed "${SCHEMATHESIS_SEED:-20261125}" \
  --request-timeout 30 --suppress-health-check all --no-color 2>&1 | tail -n 25
STATUS=${PIPESTATUS[0]}
set -e
[[ $STATUS == 124 || $STATUS == 137 ]] && echo "schemathesis did not finish within ${SCHEMATHESIS_TIMEOUT:-420} s"
if ! kill -0 "$SERVER" 2>/dev/null; then
  echo "the server died during the run; last log lines:"; tail -n 20 "$WORK/serve.log" | cut -c1-300; STATUS=1
fi
if grep -q " 500 \| 5[0-9][0-9] Internal" "$WORK/serve.log"; then echo "server log shows 5xx"; STATUS=1; fi
echo "schemathesis: $(( $(date +%s) - started )) s"
exit "$STATUS"
