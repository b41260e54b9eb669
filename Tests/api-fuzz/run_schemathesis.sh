#!/usr/bin/env bash
# Fuzzes the JSON API with schemathesis (PyPI) from the served OpenAPI document: the demo company
# on a fresh SQLite file, an admin key, every operation with generated valid and invalid input,
# then stateful sequences. Passes when no request gets a 5xx.
#
#   CARTERA_BIN               the binary (default .build/debug/cartera)
#   SCHEMATHESIS_EXAMPLES     examples per operation (default 25)
#   SCHEMATHESIS_SEED         fixed seed, so a failure replays (default 20261125)
set -euo pipefail
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BIN=${CARTERA_BIN:-$REPO/.build/debug/cartera}
WORK=$(mktemp -d)
PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
export CARTERA_SQLITE_PATH="$WORK/cartera.sqlite" CARTERA_SCHEDULER=false CARTERA_MAIL_DIR="$WORK/mail"
unset DATABASE_URL
"$BIN" demo >"$WORK/demo.log" 2>&1
KEY=$("$BIN" create-api-key --name schemathesis 2>/dev/null | tail -n 1)
"$BIN" serve --port "$PORT" >"$WORK/serve.log" 2>&1 &
SERVER=$!
trap 'kill $SERVER 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -sf "http://127.0.0.1:$PORT/health" >/dev/null && break; sleep 0.5; done
schemathesis run "http://127.0.0.1:$PORT/api/v1/openapi.json" --url "http://127.0.0.1:$PORT/api/v1" \
  -H "Authorization: Bearer $KEY" --checks not_a_server_error \
  --max-examples "${SCHEMATHESIS_EXAMPLES:-25}" --seed "${SCHEMATHESIS_SEED:-20261125}" --no-color 2>&1 | tail -n 25
STATUS=${PIPESTATUS[0]}
if grep -q " 500 \| 5[0-9][0-9] Internal" "$WORK/serve.log"; then echo "server log shows 5xx"; STATUS=1; fi
exit "$STATUS"
